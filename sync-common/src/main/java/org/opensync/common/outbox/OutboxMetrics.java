package org.opensync.common.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** {@code sync_outbox_dead_rows}, in every service: outbox rows moved aside because Kafka can never accept them. */
@ApplicationScoped
public class OutboxMetrics {
    void register(@Observes StartupEvent startup, MeterRegistry registry, OutboxRelay relay) {
        Gauge.builder("sync.outbox.dead.rows", relay, OutboxRelay::deadRows)
                .description("Outbox rows that could not be published and were moved to outbox_dead")
                .register(registry);
    }
}

package org.opensync.schemaservice.config;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.opensync.common.outbox.OutboxRelay;

/** {@code sync_outbox_dead_rows}: outbox rows moved aside because Kafka can never accept them. */
@ApplicationScoped
public class OutboxMetrics {
    void register(@Observes StartupEvent startup, MeterRegistry registry, OutboxRelay relay) {
        Gauge.builder("sync.outbox.dead.rows", relay, OutboxRelay::deadRows)
                .description("Outbox rows that could not be published and were moved to outbox_dead")
                .register(registry);
    }
}

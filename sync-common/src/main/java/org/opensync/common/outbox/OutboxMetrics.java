package org.opensync.common.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The outbox gauges, in every service: rows moved aside because Kafka can never accept them
 * ({@code sync_outbox_dead_rows}), rows waiting to be published and how long the oldest has waited (a growing age
 * means Kafka or the relay is stuck).
 */
@ApplicationScoped
public class OutboxMetrics {
    void register(@Observes StartupEvent startup, MeterRegistry registry, OutboxRelay relay) {
        Gauge.builder("sync.outbox.dead.rows", relay, OutboxRelay::deadRows)
                .description("Outbox rows that could not be published and were moved to outbox_dead")
                .register(registry);
        Gauge.builder("opensync.outbox.backlog", relay, OutboxRelay::backlogRows)
                .description("Outbox rows waiting to be published, as counted after the relay's last drain")
                .register(registry);
        Gauge.builder("opensync.outbox.oldest.age", relay, r -> r.oldestRowAge().toMillis() / 1000.0)
                .description("Seconds the oldest outbox row waiting to be published has waited")
                .baseUnit("seconds").register(registry);
    }
}

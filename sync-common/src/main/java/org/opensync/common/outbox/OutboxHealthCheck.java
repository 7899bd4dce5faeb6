package org.opensync.common.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness check "outbox": the rows moved to {@code outbox_dead} (events that were never published, so another
 * service missed a change) and whether publishing currently fails. It reports them and stays UP by default: taking
 * the whole service out of rotation for one unpublishable event would stop everything else it does; the gauge
 * {@code sync_outbox_dead_rows} and an ERROR log line are the alert. {@code sync.outbox.dead-rows-fail-readiness=true}
 * turns it DOWN while dead rows exist.
 */
@Readiness
@ApplicationScoped
public class OutboxHealthCheck implements HealthCheck {
    private final OutboxRelay relay;
    private final boolean deadRowsFailReadiness;

    @Inject
    public OutboxHealthCheck(OutboxRelay relay,
                             @ConfigProperty(name = "sync.outbox.dead-rows-fail-readiness", defaultValue = "false")
                             boolean deadRowsFailReadiness) {
        this.relay = relay;
        this.deadRowsFailReadiness = deadRowsFailReadiness;
    }

    @Override
    public HealthCheckResponse call() {
        long dead = relay.deadRows();
        return HealthCheckResponse.named("outbox")
                .status(dead == 0 || !deadRowsFailReadiness)
                .withData("deadRows", dead)
                .withData("publishingFailing", relay.publishingFailing())
                .build();
    }
}

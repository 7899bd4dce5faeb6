package org.opensync.common.kafka;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * DOWN while a consumer has been retrying one record for longer than {@code sync.consumer.retry.unhealthy-after}
 * (readiness, not liveness: a restart does not bring a database back; the record is retried where it is).
 */
@Readiness
@ApplicationScoped
public class ConsumerRetriesHealthCheck implements HealthCheck {
    private final ConsumerRetries retries;
    private final RetryPolicy policy;

    @Inject
    public ConsumerRetriesHealthCheck(ConsumerRetries retries, RetryPolicy policy) {
        this.retries = retries;
        this.policy = policy;
    }

    @Override
    public HealthCheckResponse call() {
        Instant now = Instant.now();
        List<ConsumerRetries.Retrying> current = retries.current();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("consumer-retries").up();
        for (ConsumerRetries.Retrying r : current) {
            if (r.duration(now).compareTo(policy.unhealthyAfter()) > 0) {
                response.down();
            }
            response.withData(r.consumer(), r.record() + " for " + r.duration(now).toSeconds() + " s, "
                    + r.failedAttempts() + " attempts, " + r.kind() + ": " + r.lastError());
        }
        return response.build();
    }
}

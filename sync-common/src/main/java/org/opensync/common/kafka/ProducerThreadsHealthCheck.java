package org.opensync.common.kafka;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Liveness check {@code kafka-producers}: DOWN when the network thread of a producer this service made has died.
 * Such a producer never delivers again, and only a new process replaces it: liveness, so that the orchestrator
 * restarts the service.
 */
@Liveness
@ApplicationScoped
public class ProducerThreadsHealthCheck implements HealthCheck {
    @Override
    public HealthCheckResponse call() {
        List<String> dead = KafkaProducers.withDeadNetworkThread();
        return HealthCheckResponse.named("kafka-producers").status(dead.isEmpty())
                .withData("deadNetworkThreads", String.join(", ", dead)).build();
    }
}

package org.opensync.scheduler;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/** Reports the scheduler dead when its tick loop has not iterated for a while. */
@Liveness
@ApplicationScoped
public class TickLoopHealthCheck implements HealthCheck {
    private final TickLoop loop;
    private final SchedulerConfig config;

    @Inject
    public TickLoopHealthCheck(TickLoop loop, SchedulerConfig config) {
        this.loop = loop;
        this.config = config;
    }

    @Override
    public HealthCheckResponse call() {
        Duration silence = Duration.between(loop.lastIteration(), Instant.now());
        return HealthCheckResponse.named("tick-loop")
                .status(silence.compareTo(config.maxIdle().multipliedBy(30)) < 0)
                .withData("lastIteration", loop.lastIteration().toString())
                .build();
    }
}

package org.opensync.provisioner.engine;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import org.opensync.connectors.scim.RequestObserver;

/**
 * {@code opensync_provisioner_target_requests_seconds}: each request sent to a job's SCIM application, by job, method
 * and status (0: no answer), so that a slow or failing target shows per job. Bounded labels: HTTP methods and statuses.
 */
@ApplicationScoped
public class TargetRequestMetrics {
    private final MeterRegistry registry;

    public TargetRequestMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    RequestObserver of(String jobId) {
        return (method, status, took) -> Timer.builder("opensync.provisioner.target.requests")
                .description("Requests sent to the job's target application, by HTTP method and status (0: no answer)")
                .tags("job", jobId, "method", method, "status", Integer.toString(status))
                .register(registry).record(took);
    }
}

package org.opensync.provisioner.engine;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.opensync.connectors.net.RequestObserver;

/**
 * {@code opensync_provisioner_target_requests_seconds}: each request sent to a job's target, so that a slow or failing
 * target shows per job. A SCIM application's requests by HTTP method and status (0: no answer), a directory's by LDAP
 * operation and result code (0: success). Bounded labels: methods, operations, statuses and result codes. Beside
 * them, {@code opensync_provisioner_target_request_turn_waits_seconds}: a SCIM application's requests that waited for
 * a turn among the job's requests under way.
 */
@ApplicationScoped
public class TargetRequestMetrics {
    private final MeterRegistry registry;

    public TargetRequestMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    RequestObserver of(String jobId) {
        return new RequestObserver() {
            @Override
            public void answered(String method, int status, Duration took) {
                Timer.builder("opensync.provisioner.target.requests")
                        .description("Requests sent to the job's target: HTTP method and status (0: no answer), or "
                                + "LDAP operation and result code (0: success)")
                        .tags("job", jobId, "method", method, "status", Integer.toString(status))
                        .register(registry).record(took);
            }

            @Override
            public void waitedForTurn(Duration waited) {
                Timer.builder("opensync.provisioner.target.request.turn.waits")
                        .description("Requests to the job's SCIM application that found every turn among its "
                                + "requests under way taken (sync.provisioner.requests-in-flight), and how long they "
                                + "waited")
                        .tags("job", jobId).register(registry).record(waited);
            }
        };
    }
}

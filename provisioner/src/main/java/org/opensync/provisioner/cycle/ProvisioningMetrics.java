package org.opensync.provisioner.cycle;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.opensync.common.events.JobEvent;
import org.opensync.common.events.Tick;
import org.opensync.provisioner.engine.Outcome;

/**
 * The provisioner's domain metrics (README "Monitoring"). Labels are bounded: the job id, Graph's provisioning action
 * and status, the cycle kind and result; never an object. Per-job gauges hold the value at the job's last cycle end.
 */
@ApplicationScoped
public class ProvisioningMetrics {
    private final MeterRegistry registry;
    private final Map<String, AtomicLong> gauges = new ConcurrentHashMap<>();

    public ProvisioningMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** One object's outcome, as its provisioning log records it; the lag runs from the source change to now. */
    void recorded(String jobId, Outcome outcome, Instant changedAt) {
        Counter.builder("opensync.provisioner.objects")
                .description("Objects provisioned, by Graph provisioning action and status")
                .tags("job", jobId, "action", outcome.action(), "outcome", outcome.status())
                .register(registry).increment();
        if (outcome.wasExported() && changedAt != null) {
            Timer.builder("opensync.provisioner.source.to.target.lag")
                    .description("From the change record's creation to the target's answer, for exported objects")
                    .tags("job", jobId)
                    .register(registry).record(Duration.between(changedAt, Instant.now()));
        }
    }

    /**
     * @param objects exports attempted in the cycle
     * @param escrowsPending escrowed objects left for later cycles
     * @param stagedDeletes disables and deletes held back by the deletion threshold
     */
    void cycleFinished(String jobId, Tick.CycleKind kind, JobEvent.CycleResult result, Instant began,
                       long objects, long escrowsPending, long stagedDeletes) {
        Duration duration = Duration.between(began, Instant.now());
        Counter.builder("opensync.provisioner.cycles").description("Cycles finished, by kind and result")
                .tags("job", jobId, "kind", kind.name(), "result", result.name())
                .register(registry).increment();
        Timer.builder("opensync.provisioner.cycle.duration").description("From a cycle's beginning to its end")
                .tags("job", jobId, "kind", kind.name())
                .register(registry).record(duration);
        gauge("opensync.provisioner.cycle.objects.per.second", jobId, "Exports per second of the last cycle")
                .set(duration.toMillis() == 0 ? objects : objects * 1000 / duration.toMillis());
        gauge("opensync.provisioner.escrows.pending", jobId, "Escrowed objects waiting for a retry")
                .set(escrowsPending);
        gauge("opensync.provisioner.staged.deletes", jobId, "Disables and deletes held by the deletion threshold")
                .set(stagedDeletes);
    }

    private AtomicLong gauge(String name, String jobId, String description) {
        return gauges.computeIfAbsent(name + "/" + jobId, key -> {
            AtomicLong value = new AtomicLong();
            io.micrometer.core.instrument.Gauge.builder(name, value, AtomicLong::get).description(description)
                    .tags("job", jobId).register(registry);
            return value;
        });
    }
}

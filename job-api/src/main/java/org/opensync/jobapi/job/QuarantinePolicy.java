package org.opensync.jobapi.job;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.opensync.jobapi.config.JobApiConfig;
import org.opensync.jobapi.graph.SynchronizationError;
import org.opensync.jobapi.graph.SynchronizationTaskExecution;

/**
 * Decides, after each cycle, whether a job enters, stays in or leaves quarantine (provisioning-behavior.md §1.14):
 * a failure the tenant must fix (credentials, unreachable endpoint) quarantines at once, other complete failures
 * after a few in a row, and too many escrowed objects by the proportion rules. Quarantined jobs are retried on the
 * back-off series; a good cycle lifts the quarantine.
 *
 * @return the pace the scheduler must switch to, when it changes
 */
@ApplicationScoped
public class QuarantinePolicy {
    private final JobApiConfig.Quarantine config;
    private final Duration normalInterval;

    @Inject
    public QuarantinePolicy(JobApiConfig config) {
        this.config = config.quarantine();
        this.normalInterval = config.defaultInterval();
    }

    public Optional<Duration> afterCycle(SynchronizationJob job, SynchronizationTaskExecution cycle, Instant now) {
        Optional<String> reason = reason(job, cycle);
        if (reason.isPresent()) {
            Duration retryIn = retryInterval(job);
            job.quarantine(reason.get(), error(cycle), now, retryIn);
            return Optional.of(retryIn);
        }
        if (!"Failed".equals(cycle.state()) && job.liftQuarantine()) {
            return Optional.of(normalInterval);
        }
        return Optional.empty();
    }

    private Optional<String> reason(SynchronizationJob job, SynchronizationTaskExecution cycle) {
        if ("Failed".equals(cycle.state())) {
            boolean tenantMustFix = cycle.error() != null && cycle.error().tenantActionable();
            if (job.quarantine != null || tenantMustFix
                    || job.countSuccessiveCompleteFailures >= config.afterFailures()) {
                return Optional.of("EncounteredQuarantineException");
            }
            return Optional.empty();
        }
        long escrowed = cycle.countEscrowed();
        long processed = Math.max(1, cycle.countExports() + escrowed);
        if (escrowed >= config.escrowFloor()) {
            if (escrowed > config.escrowCeiling()) {
                return Optional.of("EncounteredTotalEscrowThreshold");
            }
            if ((double) escrowed / processed > config.escrowProportion()) {
                return Optional.of("EncounteredEscrowProportionThreshold");
            }
        }
        return Optional.empty();
    }

    private Duration retryInterval(SynchronizationJob job) {
        List<Duration> series = config.retryIntervals();
        int step = job.quarantine == null ? 0 : (int) Math.min(job.quarantine.seriesCount() + 1, series.size() - 1);
        return series.get(step);
    }

    private static SynchronizationError error(SynchronizationTaskExecution cycle) {
        return cycle.error() != null ? cycle.error() : new SynchronizationError("EscrowThresholdExceeded",
                cycle.countEscrowed() + " objects failed in the last cycle; see the provisioning logs.", true);
    }
}

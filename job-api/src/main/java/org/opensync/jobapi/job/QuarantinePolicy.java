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
 * Decides, after each cycle, whether a job enters, stays in or leaves quarantine: a failure the tenant must fix
 * (credentials, unreachable endpoint) quarantines at once, too many deletions in one cycle too, other complete
 * failures after a few in a row, and too many failed objects by the proportional rules. Quarantined jobs are retried
 * on the back-off series; a good cycle lifts the quarantine; a quarantine that lasts too long disables the job.
 */
@ApplicationScoped
public class QuarantinePolicy {
    /** The code the provisioner reports when a cycle's deletions reached the accidental-deletion threshold. */
    static final String TOO_MANY_DELETES = "TooManyDeletes";

    private final JobApiConfig.Quarantine config;
    private final Duration normalInterval;

    @Inject
    public QuarantinePolicy(JobApiConfig config) {
        this(config.quarantine(), config.defaultInterval());
    }

    QuarantinePolicy(JobApiConfig.Quarantine config, Duration normalInterval) {
        this.config = config;
        this.normalInterval = normalInterval;
    }

    /** How the job's schedule must change after a cycle. */
    public sealed interface ScheduleChange {
        /** Runs at this pace from now on; the next cycle is due one interval from now. */
        record Every(Duration interval) implements ScheduleChange {
        }

        /** Stops running until started or restarted. */
        record Stop() implements ScheduleChange {
        }
    }

    /** @return the schedule change the scheduler must apply, when there is one */
    public Optional<ScheduleChange> afterCycle(SynchronizationJob job, SynchronizationTaskExecution cycle,
                                               CycleFailures failures, Instant now) {
        Optional<String> reason = reason(job, cycle, failures);
        if (reason.isPresent()) {
            if (job.quarantine != null && now.isAfter(job.quarantine.seriesBegan().plus(config.disableAfter()))) {
                job.disableInQuarantine(now);
                return Optional.of(new ScheduleChange.Stop());
            }
            Duration retryIn = retryInterval(job);
            job.quarantine(reason.get(), error(cycle, failures), now, retryIn);
            return Optional.of(new ScheduleChange.Every(retryIn));
        }
        if (!"Failed".equals(cycle.state()) && job.liftQuarantine()) {
            return Optional.of(new ScheduleChange.Every(normalInterval));
        }
        return Optional.empty();
    }

    private Optional<String> reason(SynchronizationJob job, SynchronizationTaskExecution cycle,
                                    CycleFailures failures) {
        if ("Failed".equals(cycle.state())) {
            if (cycle.error() != null && TOO_MANY_DELETES.equals(cycle.error().code())) {
                return Optional.of(TOO_MANY_DELETES);
            }
            boolean tenantMustFix = cycle.error() != null && cycle.error().tenantActionable();
            if (job.quarantine != null || tenantMustFix
                    || job.countSuccessiveCompleteFailures >= config.afterFailures()) {
                return Optional.of("EncounteredQuarantineException");
            }
            return Optional.empty();
        }
        return escrowReason(failures);
    }

    /**
     * The proportional rules: nothing below the floor; above it, the absolute ceiling counts every failure, while the
     * base ceiling and the proportion leave reference failures out.
     */
    Optional<String> escrowReason(CycleFailures failures) {
        if (failures.failed() < config.escrowFloor()) {
            return Optional.empty();
        }
        if (failures.failed() > config.escrowTotalCeiling()) {
            return Optional.of("EncounteredTotalEscrowThreshold");
        }
        long failed = failures.nonReferenceFailed();
        if (failed > config.escrowCeiling()) {
            return Optional.of("EncounteredBaseEscrowThreshold");
        }
        if (failed > 0 && (double) failed / (failed + failures.succeeded()) > config.escrowProportion()) {
            return Optional.of("EncounteredEscrowProportionThreshold");
        }
        return Optional.empty();
    }

    private Duration retryInterval(SynchronizationJob job) {
        List<Duration> series = config.retryIntervals();
        int step = job.quarantine == null ? 0 : (int) Math.min(job.quarantine.seriesCount() + 1, series.size() - 1);
        return series.get(step);
    }

    private static SynchronizationError error(SynchronizationTaskExecution cycle, CycleFailures failures) {
        return cycle.error() != null ? cycle.error() : new SynchronizationError("EscrowThresholdExceeded",
                failures.failed() + " objects failed in the last cycle; see the provisioning logs.", true);
    }
}

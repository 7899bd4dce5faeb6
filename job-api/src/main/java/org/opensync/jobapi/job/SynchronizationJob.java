package org.opensync.jobapi.job;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.opensync.common.events.RestartScope;
import org.opensync.jobapi.graph.KeyValuePair;
import org.opensync.jobapi.graph.StringKeyLongValuePair;
import org.opensync.jobapi.graph.SynchronizationError;
import org.opensync.jobapi.graph.SynchronizationProgress;
import org.opensync.jobapi.graph.SynchronizationQuarantine;
import org.opensync.jobapi.graph.SynchronizationSchedule;
import org.opensync.jobapi.graph.SynchronizationStatus;
import org.opensync.jobapi.graph.SynchronizationTaskExecution;

/**
 * A synchronization job and its state transitions. The methods return whether anything
 * changed, so callers publish an event only for real transitions.
 */
@Entity
@Table(name = "synchronization_job")
public class SynchronizationJob extends PanacheEntityBase {
    @Id
    public String id;

    @Column(name = "service_principal_id")
    public UUID servicePrincipalId;

    @Column(name = "template_id")
    public String templateId;

    @Enumerated(EnumType.STRING)
    @Column(name = "schedule_state")
    public ScheduleState scheduleState;

    @Column(name = "schedule_interval")
    public String scheduleInterval;

    @Column(name = "schedule_expiration")
    public Instant scheduleExpiration;

    @Enumerated(EnumType.STRING)
    @Column(name = "status_code")
    public StatusCode statusCode;

    @Column(name = "count_successive_complete_failures")
    public long countSuccessiveCompleteFailures;

    @Column(name = "escrows_pruned")
    public boolean escrowsPruned;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "last_execution")
    public SynchronizationTaskExecution lastExecution;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "last_successful_execution")
    public SynchronizationTaskExecution lastSuccessfulExecution;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "last_successful_execution_with_exports")
    public SynchronizationTaskExecution lastSuccessfulExecutionWithExports;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<SynchronizationProgress> progress = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.JSON)
    public SynchronizationQuarantine quarantine;

    @Column(name = "steady_state_first_achieved_time")
    public Instant steadyStateFirstAchievedTime = SynchronizationStatus.NEVER_REACHED;

    @Column(name = "steady_state_last_achieved_time")
    public Instant steadyStateLastAchievedTime = SynchronizationStatus.NEVER_REACHED;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "synchronized_entry_count_by_type")
    public List<StringKeyLongValuePair> synchronizedEntryCountByType = new ArrayList<>();

    @Column(name = "troubleshooting_url")
    public String troubleshootingUrl;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<KeyValuePair> settings = new ArrayList<>();

    /** Whether any cycle ever completed; decides between NotRun and Active after a start. */
    @Column(name = "cycle_completed")
    public boolean cycleCompleted;

    @Column(name = "created_at")
    public Instant createdAt;

    @Version
    public long version;

    /** A new job is disabled and never runs until started. */
    public static SynchronizationJob create(String id, UUID servicePrincipalId, String templateId,
                                            List<KeyValuePair> settings) {
        SynchronizationJob job = new SynchronizationJob();
        job.id = id;
        job.servicePrincipalId = servicePrincipalId;
        job.templateId = templateId;
        job.scheduleState = ScheduleState.Disabled;
        job.scheduleInterval = SynchronizationSchedule.NEVER;
        job.statusCode = StatusCode.NotConfigured;
        job.settings = new ArrayList<>(settings);
        job.createdAt = Instant.now();
        return job;
    }

    /** NotConfigured until the service principal has the secrets the template needs. */
    public void updateConfigured(boolean secretsComplete) {
        if (secretsComplete && statusCode == StatusCode.NotConfigured) {
            statusCode = StatusCode.NotRun;
        } else if (!secretsComplete && statusCode == StatusCode.NotRun && scheduleState == ScheduleState.Disabled) {
            statusCode = StatusCode.NotConfigured;
        }
    }

    /** Resumes or starts the job; a quarantine is lifted. A running, healthy job is left alone. */
    public boolean start(Duration interval) {
        if (scheduleState == ScheduleState.Active && quarantine == null) {
            return false;
        }
        quarantine = null;
        activate(interval);
        return true;
    }

    public boolean pause() {
        if (scheduleState == ScheduleState.Paused && statusCode == StatusCode.Paused) {
            return false;
        }
        scheduleState = ScheduleState.Paused;
        statusCode = StatusCode.Paused;
        return true;
    }

    /**
     * Restart always takes effect: the next cycle starts at once and resets what {@code scope} names. {@code None}
     * alone is a start; with other flags it lifts the quarantine as a start would. A quarantine that the scope does
     * not lift stays, and so does the Quarantine status code (the status shows a quarantine exactly while it holds).
     *
     * @return whether anything changed (only a {@code None} restart of a healthy running job changes nothing)
     */
    public boolean restart(Set<RestartScope> scope, Duration interval) {
        if (scope.equals(Set.of(RestartScope.None))) {
            return start(interval);
        }
        if (RestartScope.liftsQuarantine(scope)) {
            quarantine = null;
        }
        if (RestartScope.clearsWatermark(scope)) {
            cycleCompleted = false;
        }
        activate(interval);
        if (quarantine == null) {
            statusCode = StatusCode.NotRun;
        }
        return true;
    }

    private void activate(Duration interval) {
        scheduleState = ScheduleState.Active;
        scheduleInterval = interval.toString();
        statusCode = quarantine != null ? StatusCode.Quarantine
                : cycleCompleted ? StatusCode.Active : StatusCode.NotRun;
    }

    /**
     * The running cycle's progress; a report of a cycle already finished (a batch the provisioner worked again) is
     * ignored, or the job would look busy until its next cycle. Objects done only grow within a cycle: batches
     * worked on different partitions report in any order, and a report of fewer than already recorded is stale.
     */
    public void recordProgress(String cycleId, SynchronizationProgress observation) {
        if (lastExecution != null && cycleId.equals(lastExecution.activityIdentifier())) {
            return;
        }
        SynchronizationProgress current = progress.isEmpty() ? null : progress.get(0);
        if (current != null && current.units() != null && observation.units() != null
                && observation.completedUnits() < current.completedUnits()) {
            return;
        }
        progress = new ArrayList<>(List.of(observation));
    }

    /**
     * Folds a finished cycle into the status. A result older than the
     * last one recorded, or a second result of the same cycle (a provisioner that worked a batch twice), changes
     * nothing: status moves forward only.
     *
     * @return whether the cycle was recorded
     */
    public boolean recordCycle(SynchronizationTaskExecution execution, List<StringKeyLongValuePair> countsByType,
                               boolean steadyState) {
        if (lastExecution != null && (execution.activityIdentifier().equals(lastExecution.activityIdentifier())
                || execution.timeBegan().isBefore(lastExecution.timeBegan()))) {
            return false;
        }
        lastExecution = execution;
        progress = new ArrayList<>();
        if ("Failed".equals(execution.state())) {
            countSuccessiveCompleteFailures++;
            return true;
        }
        countSuccessiveCompleteFailures = 0;
        cycleCompleted = true;
        synchronizedEntryCountByType = new ArrayList<>(countsByType);
        if ("Succeeded".equals(execution.state())) {
            lastSuccessfulExecution = execution;
        }
        // A cycle with some entry-level errors still exported what it exported: the admin must see when the target
        // last received changes, not only when a cycle was spotless.
        if (execution.countExported() > 0) {
            lastSuccessfulExecutionWithExports = execution;
        }
        if (steadyState) {
            if (SynchronizationStatus.NEVER_REACHED.equals(steadyStateFirstAchievedTime)) {
                steadyStateFirstAchievedTime = execution.timeEnded();
            }
            steadyStateLastAchievedTime = execution.timeEnded();
        }
        if (statusCode == StatusCode.NotRun && scheduleState == ScheduleState.Active) {
            statusCode = StatusCode.Active;
        }
        return true;
    }

    /**
     * Quarantines the job, or keeps it quarantined for one more evaluation of the series. A paused job records the
     * quarantine but stays Paused: its status code changes only by start or restart.
     */
    public void quarantine(String reason, SynchronizationError error, Instant now, Duration retryIn) {
        boolean series = quarantine != null;
        quarantine = new SynchronizationQuarantine(now, now.plus(retryIn), reason,
                series ? quarantine.seriesBegan() : now, series ? quarantine.seriesCount() + 1 : 0, error);
        if (scheduleState != ScheduleState.Paused) {
            statusCode = StatusCode.Quarantine;
        }
    }

    /**
     * A quarantine that outlasted its limit disables the job: it stops running until started or restarted, and its
     * status keeps the quarantine (with no next attempt) so that the admin sees why.
     */
    public void disableInQuarantine(Instant now) {
        quarantine = new SynchronizationQuarantine(now, null, quarantine.reason(), quarantine.seriesBegan(),
                quarantine.seriesCount() + 1, quarantine.error());
        scheduleState = ScheduleState.Disabled;
        scheduleInterval = SynchronizationSchedule.NEVER;
    }

    /** A good cycle ends the quarantine series. */
    public boolean liftQuarantine() {
        if (quarantine == null) {
            return false;
        }
        quarantine = null;
        statusCode = scheduleState == ScheduleState.Paused ? StatusCode.Paused
                : cycleCompleted ? StatusCode.Active : StatusCode.NotRun;
        return true;
    }

    public void replaceSettings(List<KeyValuePair> newSettings) {
        settings = new ArrayList<>(newSettings);
    }
}

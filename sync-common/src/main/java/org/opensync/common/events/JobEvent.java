package org.opensync.common.events;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Instant;
import java.util.Map;

/** What happened while a job ran, published on {@link Topics#JOB_EVENTS}; job-api folds them into the job status. */
@JsonTypeInfo(use = JsonTypeInfo.Id.SIMPLE_NAME, include = JsonTypeInfo.As.EXISTING_PROPERTY, property = "type", visible = true)
@JsonSubTypes({
        @JsonSubTypes.Type(JobEvent.CycleStarted.class),
        @JsonSubTypes.Type(JobEvent.CycleProgressed.class),
        @JsonSubTypes.Type(JobEvent.CycleFinished.class)
})
public sealed interface JobEvent extends JobScopedEvent {

    record CycleStarted(String eventId, Instant occurredAt, String jobId, String cycleId, Tick.CycleKind cycleKind)
            implements JobEvent {
    }

    record CycleProgressed(String eventId, Instant occurredAt, String jobId, String cycleId, long completedUnits,
                           long totalUnits, String units) implements JobEvent {
    }

    /**
     * @param counts           the counters of Graph's synchronizationTaskExecution (countImported, countExported, ...)
     * @param countsByType     synchronized objects per type mapping, e.g. "User to User"
     * @param steadyState      true when nothing remains to process (no pending exports, escrows or references)
     */
    record CycleFinished(String eventId, Instant occurredAt, String jobId, String cycleId, Tick.CycleKind cycleKind,
                         Instant timeBegan, Instant timeEnded, CycleResult result, Map<String, Long> counts,
                         Map<String, Long> countsByType, CycleError error, boolean steadyState) implements JobEvent {
    }

    enum CycleResult {
        Succeeded, Failed, EntryLevelErrors
    }

    /** Mirrors Graph's synchronizationError. */
    record CycleError(String code, String message, boolean tenantActionable) {
    }
}

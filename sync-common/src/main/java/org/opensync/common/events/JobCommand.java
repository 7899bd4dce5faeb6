package org.opensync.common.events;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/** Commands about a job's lifecycle, published by job-api on {@link Topics#JOB_COMMANDS}. */
@JsonTypeInfo(use = JsonTypeInfo.Id.SIMPLE_NAME, include = JsonTypeInfo.As.EXISTING_PROPERTY, property = "type", visible = true)
@JsonSubTypes({
        @JsonSubTypes.Type(JobCommand.JobCreated.class),
        @JsonSubTypes.Type(JobCommand.JobStarted.class),
        @JsonSubTypes.Type(JobCommand.JobPaused.class),
        @JsonSubTypes.Type(JobCommand.JobRestarted.class),
        @JsonSubTypes.Type(JobCommand.JobDeleted.class),
        @JsonSubTypes.Type(JobCommand.JobRescheduled.class),
        @JsonSubTypes.Type(JobCommand.JobDisabled.class)
})
public sealed interface JobCommand extends JobScopedEvent {

    /** @param ownerAppId the application owning the service principal, or null (absent from events of older builds) */
    record JobCreated(String eventId, Instant occurredAt, String jobId, String servicePrincipalId, String templateId,
                      String ownerAppId) implements JobCommand {
    }

    /** The job runs every {@code interval}; the first tick is due at once. */
    record JobStarted(String eventId, Instant occurredAt, String jobId, Duration interval) implements JobCommand {
    }

    record JobPaused(String eventId, Instant occurredAt, String jobId) implements JobCommand {
    }

    /** Like a start, but the next cycle first resets the state named by {@code resetScope}. */
    record JobRestarted(String eventId, Instant occurredAt, String jobId, Duration interval,
                        Set<RestartScope> resetScope) implements JobCommand {
    }

    record JobDeleted(String eventId, Instant occurredAt, String jobId) implements JobCommand {
    }

    /**
     * The job keeps running but at another pace: slower while quarantined,
     * back to normal when the quarantine is lifted. The next cycle is due at {@code nextDueAt}.
     */
    record JobRescheduled(String eventId, Instant occurredAt, String jobId, Duration interval, Instant nextDueAt)
            implements JobCommand {
    }

    /** The job stopped running because it stayed quarantined too long; only a start or a restart runs it again. */
    record JobDisabled(String eventId, Instant occurredAt, String jobId) implements JobCommand {
    }
}

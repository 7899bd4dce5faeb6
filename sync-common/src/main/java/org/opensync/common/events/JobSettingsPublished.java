package org.opensync.common.events;

import java.time.Instant;
import java.util.Map;

/**
 * A job's {@code synchronizationJobSettings} (name → value), published by job-api on the compacted topic
 * {@link Topics#JOB_SETTINGS} when the job is created and whenever its settings are replaced; a tombstone follows the
 * job's deletion. The provisioner reads {@link #QUARANTINE_TOO_MANY_DELETES_THRESHOLD} from it.
 */
public record JobSettingsPublished(String eventId, Instant occurredAt, String jobId, Map<String, String> settings)
        implements JobScopedEvent {
    public static final String QUARANTINE_TOO_MANY_DELETES_THRESHOLD = "QuarantineTooManyDeletesThreshold";

    public JobSettingsPublished {
        settings = Map.copyOf(settings);
    }
}

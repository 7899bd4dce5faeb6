package org.opensync.common.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * The effective synchronization schema of a job (Graph's synchronizationSchema JSON), published by schema-service
 * on the compacted topic {@link Topics#SCHEMAS} whenever it changes; a tombstone follows the job's deletion.
 * {@code schemaRevision} counts the job's schema writes (0 for the template's copy), so that a mirror keeps the
 * newest schema whatever order records reach it in; it is null in records published before revisions were sent.
 */
public record JobSchemaPublished(String eventId, Instant occurredAt, String jobId, String servicePrincipalId,
                                 String templateId, String schemaVersion, JsonNode schema, Long schemaRevision)
        implements JobScopedEvent {

    /** A record without a revision, as published before revisions were sent: mirrors apply it unconditionally. */
    public JobSchemaPublished(String eventId, Instant occurredAt, String jobId, String servicePrincipalId,
                              String templateId, String schemaVersion, JsonNode schema) {
        this(eventId, occurredAt, jobId, servicePrincipalId, templateId, schemaVersion, schema, null);
    }
}

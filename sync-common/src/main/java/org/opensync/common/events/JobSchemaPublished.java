package org.opensync.common.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * The effective synchronization schema of a job (Graph's synchronizationSchema JSON), published by schema-service
 * on the compacted topic {@link Topics#SCHEMAS} whenever it changes; a tombstone follows the job's deletion.
 */
public record JobSchemaPublished(String eventId, Instant occurredAt, String jobId, String servicePrincipalId,
                                 String templateId, String schemaVersion, JsonNode schema) implements JobScopedEvent {
}

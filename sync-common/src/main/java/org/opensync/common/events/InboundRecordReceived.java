package org.opensync.common.events;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * One operation of an accepted {@code bulkUpload} (API-driven inbound provisioning), published by job-api on
 * {@link Topics#INBOUND_RECORDS} before the upload is answered {@code 202}: the SCIM user an HR system sent for the
 * job, exactly as sent. Keyed by job id so that a job's records are read in the order they were uploaded (a later
 * record of the same {@code externalId} wins).
 *
 * @param eventId    the record's id (consumers store each record once)
 * @param uploadId   shared by the operations of one request
 * @param bulkId     the operation's {@code bulkId}, quoted in provisioning logs
 * @param externalId the source system's key of the person: the anchor of the object
 * @param user       the operation's {@code data}: a SCIM user with core, enterprise and custom extension attributes
 */
public record InboundRecordReceived(String eventId, Instant occurredAt, String jobId, String uploadId, String bulkId,
                                    String externalId, ObjectNode user) implements JobScopedEvent {
}

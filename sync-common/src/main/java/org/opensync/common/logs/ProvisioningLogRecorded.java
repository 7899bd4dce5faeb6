package org.opensync.common.logs;

import java.time.Instant;
import org.opensync.common.events.JobScopedEvent;

/** One provisioning-log record, published by the provisioner on {@code sync.provisioning-logs}. */
public record ProvisioningLogRecorded(String eventId, Instant occurredAt, String jobId,
                                      ProvisioningObjectSummary summary) implements JobScopedEvent {
}

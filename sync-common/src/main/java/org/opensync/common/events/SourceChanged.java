package org.opensync.common.events;

import java.time.Instant;

/**
 * Something changed in a job's source after the job's last read: a doorbell that change-detector rings on
 * {@link Topics#SOURCE_CHANGES} when a directory that can push changes (RFC 4533 refreshAndPersist, DirSync asked
 * every half second) reports one, or when bulkUpload records of the job were stored, so that the scheduler runs the
 * job's next cycle now instead of at the end of its interval. Only a hint: what changed is
 * what the next delta read finds, and a lost or late one means no more than waiting for the next tick.
 */
public record SourceChanged(String eventId, Instant occurredAt, String jobId) implements JobScopedEvent {
}

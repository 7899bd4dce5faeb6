package org.opensync.common.events;

import java.time.Instant;
import java.util.Set;

/**
 * "Run a cycle of this job now", published by scheduler-service on {@link Topics#TICKS}. {@code tickId} is derived from
 * the job id and {@code sequence}, so a tick emitted twice is recognisable as the same tick.
 */
public record Tick(String eventId, Instant occurredAt, String jobId, String tickId, long sequence, CycleKind cycleKind,
                   Set<RestartScope> resetScope, Instant dueAt) implements JobScopedEvent {

    public enum CycleKind {
        /** Read everything from the source (first cycle, or the watermark was reset). */
        Initial,
        /** Read what changed since the stored watermark. */
        Incremental
    }
}

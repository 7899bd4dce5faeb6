package org.opensync.jobapi.graph;

import java.time.Instant;

public record SynchronizationProgress(long completedUnits, Instant progressObservationDateTime, long totalUnits,
                                      String units) {
}

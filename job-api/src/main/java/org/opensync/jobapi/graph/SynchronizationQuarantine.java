package org.opensync.jobapi.graph;

import java.time.Instant;

public record SynchronizationQuarantine(Instant currentBegan, Instant nextAttempt, String reason, Instant seriesBegan,
                                        long seriesCount, SynchronizationError error) {
}

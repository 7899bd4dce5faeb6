package org.opensync.jobapi.graph;

import java.time.Instant;
import java.util.List;

public record SynchronizationStatus(String code, long countSuccessiveCompleteFailures, boolean escrowsPruned,
                                    SynchronizationTaskExecution lastExecution,
                                    SynchronizationTaskExecution lastSuccessfulExecution,
                                    SynchronizationTaskExecution lastSuccessfulExecutionWithExports,
                                    List<SynchronizationProgress> progress, SynchronizationQuarantine quarantine,
                                    Instant steadyStateFirstAchievedTime, Instant steadyStateLastAchievedTime,
                                    List<StringKeyLongValuePair> synchronizedEntryCountByType,
                                    String troubleshootingUrl) {
    /** What Graph returns for a time that was never reached: .NET's DateTime.MinValue. */
    public static final Instant NEVER_REACHED = Instant.parse("0001-01-01T00:00:00Z");
}

package org.opensync.jobapi.graph;

import java.time.Instant;

public record SynchronizationTaskExecution(String activityIdentifier, long countEntitled, long countEntitledForProvisioning,
                                           long countEscrowed, long countEscrowedRaw, long countExported,
                                           long countExports, long countImported, long countImportedDeltas,
                                           long countImportedReferenceDeltas, SynchronizationError error, String state,
                                           Instant timeBegan, Instant timeEnded) {
}

package org.opensync.provisioner.engine;

import java.util.Map;

/**
 * The target ids of the single-valued references (a manager) of a batch's objects, read from the connector data store
 * in one query before the batch's exports start ({@link ReferenceExport#lookAhead}), so that each export does not ask
 * again. Only what was linked then is held: a DN it lacks is looked up when the object resolves it, as its object may
 * have been created meanwhile by the same batch. Built before the exports start and only read by them.
 */
public final class KnownReferences {
    public static final KnownReferences NONE = new KnownReferences(Map.of());

    /** Lower-cased source DN → target id. */
    private final Map<String, String> targetIds;

    KnownReferences(Map<String, String> targetIds) {
        this.targetIds = targetIds;
    }

    /** The target id linked to the (lower-cased) DN when the batch began, or null when it was not linked then. */
    String targetIdOf(String lowerCasedDn) {
        return targetIds.get(lowerCasedDn);
    }
}

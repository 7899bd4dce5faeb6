package org.opensync.mapping.apply;

import java.util.List;

/**
 * The target attribute changes computed for one object. When {@link #objectSkipped()} (an expression yielded
 * {@code IgnoreObjectFlow}) there are no changes and the object must not be created or updated in this cycle.
 */
public final class MappingResult {
    private static final MappingResult SKIPPED = new MappingResult(true, List.of(), List.of());

    private final boolean objectSkipped;
    private final List<AttributeChange> changes;
    private final List<AttributeFailure> failures;

    private MappingResult(boolean objectSkipped, List<AttributeChange> changes, List<AttributeFailure> failures) {
        this.objectSkipped = objectSkipped;
        this.changes = changes;
        this.failures = failures;
    }

    static MappingResult skipped() {
        return SKIPPED;
    }

    static MappingResult of(List<AttributeChange> changes, List<AttributeFailure> failures) {
        return new MappingResult(false, changes, failures);
    }

    public boolean objectSkipped() {
        return objectSkipped;
    }

    public List<AttributeChange> changes() {
        return changes;
    }

    public List<AttributeFailure> failures() {
        return failures;
    }

    public boolean hasFailures() {
        return !failures.isEmpty();
    }

    @Override
    public String toString() {
        return objectSkipped ? "MappingResult[skipped]" : "MappingResult[changes=" + changes + ", failures=" + failures + "]";
    }
}

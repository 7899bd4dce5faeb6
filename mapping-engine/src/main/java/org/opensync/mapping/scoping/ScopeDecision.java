package org.opensync.mapping.scoping;

/**
 * Outcome of scoping one object. {@code inScope}: the {@code groups} filter (leaving it deprovisions);
 * {@code passesInputFilter}: {@code inputFilterGroups} (failing objects are not processed, nor deprovisioned);
 * {@code inCategory}: {@code categoryFilterGroups}. {@code error} is set, and all three false, when a regular
 * expression exceeded its evaluation budget: the object should be escrowed rather than deprovisioned. {@code whyNot}
 * says, for an object a filter leaves out, which clause of each of its groups failed and on what value (for the
 * admin asking "why was this user skipped?"); null when every filter passes.
 */
public record ScopeDecision(boolean inScope, boolean passesInputFilter, boolean inCategory, String error,
                            String whyNot) {
    static final ScopeDecision ALL_PASS = new ScopeDecision(true, true, true, null, null);

    public boolean failed() {
        return error != null;
    }

    /** Whether the object should be provisioned by this mapping now. */
    public boolean provisioned() {
        return error == null && inScope && passesInputFilter && inCategory;
    }
}

package org.opensync.mapping.regex;

/**
 * Work a caller allows a series of regex operations, shared between them (one expression evaluation, say): each
 * operation may read at most {@link #remaining()} characters and reports what it read through {@link #spend}.
 */
public interface StepBudget {
    /** No budget beyond the per-operation ceiling of {@link DotNetRegex}. */
    StepBudget UNLIMITED = new StepBudget() {
        @Override
        public long remaining() {
            return Long.MAX_VALUE;
        }

        @Override
        public void spend(long steps) {
        }
    };

    long remaining();

    /** Called once per operation, also when it ran out of steps. */
    void spend(long steps);
}

package org.opensync.mapping.regex;

/**
 * A match needed more work than the budget allows (catastrophic backtracking or an input far too large), which the
 * reference service reports as a regex timeout.
 */
public final class RegexBudgetExceededException extends RuntimeException {
    RegexBudgetExceededException(String pattern, long steps) {
        super("regular expression '" + pattern + "' exceeded its evaluation budget of " + steps
                + " steps (catastrophic backtracking, or an input far too long?)", null, false, false);
    }
}

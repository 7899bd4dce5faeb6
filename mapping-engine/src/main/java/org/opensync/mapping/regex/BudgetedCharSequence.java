package org.opensync.mapping.regex;

/**
 * Input wrapper that counts the regex engine's character reads and aborts the match once the budget is spent.
 * Reads are a faithful proxy for backtracking work, and counting them is deterministic, unlike wall-clock timeouts.
 */
final class BudgetedCharSequence implements CharSequence {
    private final String text;
    private final String pattern;
    private final long budget;
    private long remaining;

    BudgetedCharSequence(String text, String pattern, long budget) {
        this.text = text;
        this.pattern = pattern;
        this.budget = budget;
        this.remaining = budget;
    }

    @Override
    public char charAt(int index) {
        if (--remaining < 0) {
            throw new RegexBudgetExceededException(pattern, budget);
        }
        return text.charAt(index);
    }

    /** Reads so far, at most the budget. */
    long used() {
        return remaining < 0 ? budget : budget - remaining;
    }

    @Override
    public int length() {
        return text.length();
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return text.substring(start, end);
    }

    @Override
    public String toString() {
        return text;
    }
}

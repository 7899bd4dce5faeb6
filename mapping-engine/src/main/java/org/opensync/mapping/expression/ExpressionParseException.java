package org.opensync.mapping.expression;

/** A syntax or validation error in expression text, located by its 0-based character position. */
public final class ExpressionParseException extends InvalidExpressionException {
    private final int position;
    private final String found;
    private final String expected;

    public ExpressionParseException(int position, String found, String expected, String problem) {
        super(problem + " at position " + position + ": found " + found + ", expected " + expected);
        this.position = position;
        this.found = found;
        this.expected = expected;
    }

    public int position() {
        return position;
    }

    /** The offending text as written, or a description such as {@code end of expression}. */
    public String found() {
        return found;
    }

    public String expected() {
        return expected;
    }
}

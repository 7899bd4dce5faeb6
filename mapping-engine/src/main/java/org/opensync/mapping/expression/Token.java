package org.opensync.mapping.expression;

/** A lexical token; {@code text} is the source slice, {@code value} the decoded string or number where relevant. */
record Token(Kind kind, int start, String text, Object value) {
    enum Kind {
        IDENTIFIER, STRING, NUMBER, ATTRIBUTE, OPEN, CLOSE, COMMA, AMPERSAND, COMPARISON, END
    }

    String describe() {
        return kind == Kind.END ? "end of expression" : "'" + text + "'";
    }
}

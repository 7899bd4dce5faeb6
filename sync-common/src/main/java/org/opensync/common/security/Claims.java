package org.opensync.common.security;

/** Token claim values as plain text. */
final class Claims {
    private Claims() {
    }

    /** JSON-P string values print with their quotes. */
    static String text(Object value) {
        String text = value.toString();
        return text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")
                ? text.substring(1, text.length() - 1) : text;
    }
}

package org.opensync.mapping.expression;

/** Splits expression text into tokens. */
final class Lexer {
    private final String input;
    private int position;

    Lexer(String input) {
        this.input = input;
    }

    Token next() {
        skipWhitespace();
        int start = position;
        if (position >= input.length()) {
            return new Token(Token.Kind.END, start, "", null);
        }
        char c = input.charAt(position);
        return switch (c) {
            case '(' -> single(Token.Kind.OPEN);
            case ')' -> single(Token.Kind.CLOSE);
            case ',' -> single(Token.Kind.COMMA);
            case '[' -> attribute();
            case '"' -> string();
            case '&' -> ampersandOrHex();
            case '=' -> single(Token.Kind.COMPARISON);
            case '<', '>' -> comparison(c);
            default -> {
                if (isDigit(c) || (c == '-' && position + 1 < input.length() && isDigit(input.charAt(position + 1)))) {
                    yield number();
                }
                if (Character.isLetter(c) || c == '_') {
                    yield identifier();
                }
                throw new ExpressionParseException(start, describe(c), "an expression or operator",
                        "Unexpected character");
            }
        };
    }

    private Token single(Token.Kind kind) {
        position++;
        return new Token(kind, position - 1, input.substring(position - 1, position), null);
    }

    private Token comparison(char first) {
        int start = position++;
        if (position < input.length()) {
            char second = input.charAt(position);
            if (second == '=' || (first == '<' && second == '>')) {
                position++;
            }
        }
        return new Token(Token.Kind.COMPARISON, start, input.substring(start, position), null);
    }

    /** Whether {@code [name]} reads back as this one attribute: not empty, its brackets balanced. */
    static boolean referable(String name) {
        int depth = 0;
        for (int i = 0; i < name.length() && depth >= 0; i++) {
            char c = name.charAt(i);
            depth += c == '[' ? 1 : c == ']' ? -1 : 0;
        }
        return !name.isEmpty() && depth == 0;
    }

    /**
     * The {@code ]} that closes the reference opened at {@code open}, brackets inside it balanced: SCIM attribute
     * names carry value filters, as in {@code [emails[type eq "work"].value]}. -1 when it is never closed.
     */
    private int closingBracket(int open) {
        int depth = 0;
        for (int i = open + 1; i < input.length(); i++) {
            char c = input.charAt(i);
            if (c == '[') {
                depth++;
            } else if (c == ']' && depth-- == 0) {
                return i;
            }
        }
        return -1;
    }

    private Token attribute() {
        int start = position;
        int close = closingBracket(start);
        if (close < 0) {
            throw new ExpressionParseException(input.length(), "end of expression", "']'",
                    "Unterminated attribute reference starting at " + start);
        }
        if (close == start + 1) {
            throw new ExpressionParseException(start, "'[]'", "an attribute name inside [ ]", "Empty attribute name");
        }
        position = close + 1;
        return new Token(Token.Kind.ATTRIBUTE, start, input.substring(start, position), input.substring(start + 1, close));
    }

    /** Backslash escapes only a quote or a backslash; any other backslash is kept verbatim (regex patterns rely on it). */
    private Token string() {
        int start = position++;
        StringBuilder value = new StringBuilder();
        while (position < input.length()) {
            char c = input.charAt(position++);
            if (c == '"') {
                return new Token(Token.Kind.STRING, start, input.substring(start, position), value.toString());
            }
            if (c == '\\' && position < input.length()
                    && (input.charAt(position) == '"' || input.charAt(position) == '\\')) {
                value.append(input.charAt(position++));
            } else {
                value.append(c);
            }
        }
        throw new ExpressionParseException(input.length(), "end of expression", "'\"'",
                "Unterminated string starting at " + start);
    }

    private Token ampersandOrHex() {
        int start = position;
        int digits = start + 2;
        if (digits < input.length() && (input.charAt(start + 1) == 'H' || input.charAt(start + 1) == 'h')) {
            int end = digits;
            while (end < input.length() && Character.digit(input.charAt(end), 16) >= 0) {
                end++;
            }
            boolean hexLiteral = end > digits && (end == input.length() || !isIdentifierPart(input.charAt(end)));
            if (hexLiteral) {
                String text = input.substring(start, end);
                if (end - digits > 16) {
                    throw new ExpressionParseException(start, "'" + text + "'", "at most 16 hex digits",
                            "Hexadecimal number too large");
                }
                position = end;
                return new Token(Token.Kind.NUMBER, start, text, Long.parseUnsignedLong(text.substring(2), 16));
            }
        }
        return single(Token.Kind.AMPERSAND);
    }

    private Token number() {
        int start = position;
        if (input.charAt(position) == '-') {
            position++;
        }
        while (position < input.length() && isDigit(input.charAt(position))) {
            position++;
        }
        String text = input.substring(start, position);
        try {
            return new Token(Token.Kind.NUMBER, start, text, Long.parseLong(text));
        } catch (NumberFormatException e) {
            throw new ExpressionParseException(start, "'" + text + "'", "a 64-bit integer", "Number out of range");
        }
    }

    private Token identifier() {
        int start = position;
        while (position < input.length() && isIdentifierPart(input.charAt(position))) {
            position++;
        }
        String text = input.substring(start, position);
        return new Token(Token.Kind.IDENTIFIER, start, text, text);
    }

    private void skipWhitespace() {
        while (position < input.length() && Character.isWhitespace(input.charAt(position))) {
            position++;
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isIdentifierPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    private static String describe(char c) {
        return Character.isISOControl(c) ? String.format("U+%04X", (int) c) : "'" + c + "'";
    }
}

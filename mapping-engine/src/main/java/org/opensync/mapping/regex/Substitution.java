package org.opensync.mapping.regex;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;

/**
 * A parsed .NET replacement string: {@code $1}, {@code ${name}}, {@code $$}, {@code $&}, {@code $`}, {@code $'},
 * {@code $+}, {@code $_}. A reference to a group that does not exist stays literal text, as in .NET; backslashes are
 * literal (unlike Java's {@code Matcher.appendReplacement}).
 */
public final class Substitution {
    private static final int WHOLE_INPUT = -1;
    private static final int BEFORE_MATCH = -2;
    private static final int AFTER_MATCH = -3;
    private static final int LAST_GROUP = -4;

    /** Literal text (group == null) or a group/special reference. */
    private record Part(String literal, int group) {
    }

    private final List<Part> parts;
    private final int lastGroup;

    private Substitution(List<Part> parts, int lastGroup) {
        this.parts = List.copyOf(parts);
        this.lastGroup = lastGroup;
    }

    static Substitution parse(String text, DotNetRegex regex) {
        List<Part> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c != '$' || i + 1 >= text.length()) {
                literal.append(c);
                i++;
                continue;
            }
            int consumed = reference(text, i + 1, regex, literal, parts);
            if (consumed == 0) {
                literal.append('$');
                i++;
            } else {
                i += 1 + consumed;
            }
        }
        flush(literal, parts);
        Integer last = regex.javaGroupOrNull(Integer.toString(regex.groupCount()));
        return new Substitution(parts, last == null ? 0 : last);
    }

    /** Appends a group reference starting after {@code $}; returns the characters consumed, 0 when literal. */
    private static int reference(String text, int at, DotNetRegex regex, StringBuilder literal, List<Part> parts) {
        char c = text.charAt(at);
        int special = switch (c) {
            case '&' -> 0;
            case '`' -> BEFORE_MATCH;
            case '\'' -> AFTER_MATCH;
            case '+' -> LAST_GROUP;
            case '_' -> WHOLE_INPUT;
            default -> Integer.MIN_VALUE;
        };
        if (c == '$') {
            literal.append('$');
            return 1;
        }
        if (special != Integer.MIN_VALUE) {
            add(parts, literal, special);
            return 1;
        }
        if (c == '{') {
            int close = text.indexOf('}', at);
            Integer group = close < 0 ? null : regex.javaGroupOrNull(text.substring(at + 1, close));
            if (group == null) {
                return 0;
            }
            add(parts, literal, group);
            return close - at + 1;
        }
        return digits(text, at, regex, literal, parts);
    }

    /** .NET takes the longest run of digits that still names an existing group. */
    private static int digits(String text, int at, DotNetRegex regex, StringBuilder literal, List<Part> parts) {
        int end = at;
        Integer group = null;
        int groupEnd = at;
        while (end < text.length() && Character.isDigit(text.charAt(end)) && end - at < 9) {
            end++;
            Integer candidate = regex.javaGroupOrNull(text.substring(at, end));
            if (candidate != null) {
                group = candidate;
                groupEnd = end;
            }
        }
        if (group == null) {
            return 0;
        }
        add(parts, literal, group);
        return groupEnd - at;
    }

    private static void add(List<Part> parts, StringBuilder literal, int group) {
        flush(literal, parts);
        parts.add(new Part(null, group));
    }

    private static void flush(StringBuilder literal, List<Part> parts) {
        if (literal.length() > 0) {
            parts.add(new Part(literal.toString(), 0));
            literal.setLength(0);
        }
    }

    void appendTo(StringBuilder out, Matcher match, String input) {
        for (Part part : parts) {
            if (part.literal() != null) {
                out.append(part.literal());
                continue;
            }
            switch (part.group()) {
                case WHOLE_INPUT -> out.append(input);
                case BEFORE_MATCH -> out.append(input, 0, match.start());
                case AFTER_MATCH -> out.append(input, match.end(), input.length());
                case LAST_GROUP -> appendGroup(out, match, lastGroup);
                default -> appendGroup(out, match, part.group());
            }
        }
    }

    private static void appendGroup(StringBuilder out, Matcher match, int group) {
        String captured = match.group(group);
        if (captured != null) {
            out.append(captured);
        }
    }
}

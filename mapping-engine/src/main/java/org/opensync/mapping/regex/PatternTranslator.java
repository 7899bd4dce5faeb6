package org.opensync.mapping.regex;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites .NET pattern syntax to java.util.regex. Named groups become plain Java groups (Java group names cannot
 * hold {@code _}) and the name and .NET group numbers (unnamed groups first, then named groups) are mapped to Java
 * group numbers. Literal {@code {}, {@code [} and {@code &} that Java would misread are escaped, and character-class
 * subtraction {@code [a-z-[aeiou]]} becomes intersection with a negated class.
 */
final class PatternTranslator {
    private static final Pattern QUANTIFIER = Pattern.compile("\\{\\d+(,\\d*)?}");
    private static final char MARKER = '\u0000';

    private final String source;
    private final StringBuilder out = new StringBuilder();
    /** Capturing groups in order of their opening parenthesis (= Java numbering); null for unnamed ones. */
    private final List<String> groups = new ArrayList<>();
    private int i;

    private PatternTranslator(String source) {
        this.source = source;
    }

    static Translation translate(String netPattern) {
        if (netPattern.indexOf(MARKER) >= 0) {
            throw new IllegalArgumentException("NUL characters are not supported in patterns");
        }
        PatternTranslator translator = new PatternTranslator(netPattern);
        translator.run();
        return translator.result();
    }

    record Translation(String javaPattern, Map<String, Integer> javaGroupByName, Map<Integer, Integer> javaGroupByNumber) {
    }

    private void run() {
        while (i < source.length()) {
            char c = source.charAt(i);
            if (c == '\\') {
                escape();
            } else if (c == '[') {
                characterClass();
            } else if (c == '(') {
                group();
            } else if (c == '{') {
                braces();
            } else {
                out.append(c);
                i++;
            }
        }
    }

    private void escape() {
        if (i + 1 >= source.length()) {
            throw new IllegalArgumentException("illegal \\ at end of pattern");
        }
        char next = source.charAt(i + 1);
        if (next == 'k' && i + 2 < source.length() && (source.charAt(i + 2) == '<' || source.charAt(i + 2) == '\'')) {
            char close = source.charAt(i + 2) == '<' ? '>' : '\'';
            int end = source.indexOf(close, i + 3);
            if (end < 0) {
                throw new IllegalArgumentException("unterminated \\k<name> back-reference");
            }
            out.append("(?:\\").append(backReference(source.substring(i + 3, end))).append(')');
            i = end + 1;
            return;
        }
        out.append('\\').append(next);
        i += 2;
    }

    /** Groups may be referenced before they are defined, so names are resolved once the whole pattern is read. */
    private static String backReference(String name) {
        return MARKER + name + MARKER;
    }

    private void characterClass() {
        out.append('[');
        i++;
        if (i < source.length() && source.charAt(i) == '^') {
            out.append('^');
            i++;
        }
        if (i < source.length() && source.charAt(i) == ']') {
            out.append("\\]");
            i++;
        }
        while (i < source.length()) {
            char c = source.charAt(i);
            if (c == ']') {
                out.append(']');
                i++;
                return;
            }
            if (c == '\\' && i + 1 < source.length()) {
                out.append(c).append(source.charAt(i + 1));
                i += 2;
            } else if (c == '-' && i + 1 < source.length() && source.charAt(i + 1) == '[') {
                subtraction();
            } else {
                out.append(c == '[' || c == '&' ? "\\" : "").append(c);
                i++;
            }
        }
        throw new IllegalArgumentException("unterminated [] set");
    }

    private void subtraction() {
        i += 2;
        out.append("&&[^");
        while (i < source.length() && source.charAt(i) != ']') {
            char c = source.charAt(i);
            if (c == '\\' && i + 1 < source.length()) {
                out.append(c).append(source.charAt(i + 1));
                i += 2;
            } else {
                out.append(c == '[' || c == '&' ? "\\" : "").append(c);
                i++;
            }
        }
        out.append(']');
        i++;
        if (i >= source.length() || source.charAt(i) != ']') {
            throw new IllegalArgumentException("a subtracted [] set must be the last element of its set");
        }
    }

    private void group() {
        if (!source.startsWith("(?", i)) {
            groups.add(null);
            out.append('(');
            i++;
            return;
        }
        char kind = i + 2 < source.length() ? source.charAt(i + 2) : ')';
        boolean lookbehind = kind == '<' && i + 3 < source.length()
                && (source.charAt(i + 3) == '=' || source.charAt(i + 3) == '!');
        if ((kind == '<' && !lookbehind) || kind == '\'') {
            namedGroup(kind == '<' ? '>' : '\'');
        } else if (kind == '#') {
            int end = source.indexOf(')', i);
            if (end < 0) {
                throw new IllegalArgumentException("unterminated (?#...) comment");
            }
            i = end + 1;
        } else if (kind == '(') {
            throw new IllegalArgumentException("conditional (?(...)...) groups are not supported");
        } else {
            inlineOptionsOrGroup();
        }
    }

    private void namedGroup(char close) {
        int end = source.indexOf(close, i + 3);
        if (end < 0) {
            throw new IllegalArgumentException("unterminated group name");
        }
        String name = source.substring(i + 3, end);
        if (name.isEmpty() || !name.chars().allMatch(ch -> Character.isLetterOrDigit(ch) || ch == '_')) {
            throw new IllegalArgumentException("group name '" + name + "' is not supported (balancing groups are not)");
        }
        if (name.chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException("numbered group names such as (?<" + name + ">) are not supported");
        }
        if (groups.contains(name)) {
            throw new IllegalArgumentException("group name '" + name + "' is used twice");
        }
        groups.add(name);
        out.append('(');
        i = end + 1;
    }

    private void inlineOptionsOrGroup() {
        int j = i + 2;
        while (j < source.length() && "imnsx-".indexOf(source.charAt(j)) >= 0) {
            j++;
        }
        String options = source.substring(i + 2, j);
        if (options.indexOf('n') >= 0) {
            throw new IllegalArgumentException("the explicit-capture option (?n) is not supported");
        }
        out.append("(?");
        i += 2;
    }

    private void braces() {
        Matcher quantifier = QUANTIFIER.matcher(source).region(i, source.length());
        if (quantifier.lookingAt()) {
            out.append(quantifier.group());
            i = quantifier.end();
        } else {
            out.append("\\{");
            i++;
        }
    }

    private Translation result() {
        Map<String, Integer> byName = new HashMap<>();
        Map<Integer, Integer> byNumber = new HashMap<>();
        int netNumber = 1;
        for (int g = 0; g < groups.size(); g++) {
            if (groups.get(g) == null) {
                byNumber.put(netNumber++, g + 1);
            }
        }
        for (int g = 0; g < groups.size(); g++) {
            if (groups.get(g) != null) {
                byName.put(groups.get(g), g + 1);
                byNumber.put(netNumber++, g + 1);
            }
        }
        byNumber.put(0, 0);
        return new Translation(resolveBackReferences(byName, byNumber), Map.copyOf(byName), Map.copyOf(byNumber));
    }

    private String resolveBackReferences(Map<String, Integer> byName, Map<Integer, Integer> byNumber) {
        String text = out.toString();
        StringBuilder resolved = new StringBuilder(text.length());
        int at = 0;
        int marker;
        while ((marker = text.indexOf(MARKER, at)) >= 0) {
            int nameEnd = text.indexOf(MARKER, marker + 1);
            String name = text.substring(marker + 1, nameEnd);
            Integer group = name.chars().allMatch(Character::isDigit) && !name.isEmpty()
                    ? byNumber.get(Integer.parseInt(name)) : byName.get(name);
            if (group == null) {
                throw new IllegalArgumentException("reference to undefined group '" + name + "'");
            }
            resolved.append(text, at, marker).append(group);
            at = nameEnd + 1;
        }
        return resolved.append(text, at, text.length()).toString();
    }
}

package org.opensync.jobapi.odata;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.opensync.common.web.ErrorCode;
import org.opensync.common.web.GraphException;

/**
 * Translates an OData {@code $filter} into a JPQL condition with parameters, over a fixed table of filterable
 * properties: comparisons ({@code eq ne gt ge lt le}), {@code in (...)}, {@code startswith(p,'v')},
 * {@code contains(p,'v')}, {@code and}, {@code or}, {@code not}, parentheses. Property names match
 * case-insensitively (the Graph docs write {@code AppId eq '...'}); whether text values do is the caller's choice
 * (the directory compares case-insensitively, provisioning logs case-sensitively).
 */
public final class ODataFilter {
    public enum Kind { GUID, TEXT, BOOLEAN, DATETIME }

    /** @param jpql the entity path the property maps to */
    public record Property(String jpql, Kind kind) {
    }

    /** A JPQL boolean expression and its named parameters. */
    public record Condition(String jpql, Map<String, Object> parameters) {
        public static final Condition ALL = new Condition("1 = 1", Map.of());
    }

    private final Map<String, Property> properties = new HashMap<>();
    private final boolean caseInsensitiveText;
    private final ErrorCode errorCode;

    /**
     * @param properties          filterable properties by their Graph name (any case)
     * @param caseInsensitiveText whether text comparisons ignore case
     * @param errorCode           the code reported for an unsupported or invalid filter
     */
    public ODataFilter(Map<String, Property> properties, boolean caseInsensitiveText, ErrorCode errorCode) {
        properties.forEach((name, property) -> this.properties.put(name.toLowerCase(Locale.ROOT), property));
        this.caseInsensitiveText = caseInsensitiveText;
        this.errorCode = errorCode;
    }

    public Condition parse(String filter) {
        if (filter == null || filter.isBlank()) {
            return Condition.ALL;
        }
        Parser parser = new Parser(tokenize(filter));
        String jpql = parser.or();
        if (parser.position < parser.tokens.size()) {
            throw invalid("unexpected '" + parser.tokens.get(parser.position) + "'");
        }
        return new Condition(jpql, parser.parameters);
    }

    private GraphException invalid(String detail) {
        return new GraphException(400, errorCode, "Unsupported or invalid query filter clause: " + detail + ".",
                "$filter");
    }

    private final class Parser {
        private final List<String> tokens;
        private final Map<String, Object> parameters = new HashMap<>();
        private int position;

        private Parser(List<String> tokens) {
            this.tokens = tokens;
        }

        private String or() {
            String left = and();
            while (acceptKeyword("or")) {
                left = "(" + left + " or " + and() + ")";
            }
            return left;
        }

        private String and() {
            String left = unary();
            while (acceptKeyword("and")) {
                left = "(" + left + " and " + unary() + ")";
            }
            return left;
        }

        private String unary() {
            if (acceptKeyword("not")) {
                return "not (" + unary() + ")";
            }
            if (accept("(")) {
                String inner = or();
                expect(")");
                return "(" + inner + ")";
            }
            for (String function : new String[]{"startswith", "contains"}) {
                if (acceptKeyword(function)) {
                    return textFunction(function);
                }
            }
            Property property = property();
            if (acceptKeyword("in")) {
                expect("(");
                List<String> values = new ArrayList<>();
                do {
                    values.add(literal(property));
                } while (accept(","));
                expect(")");
                return column(property) + " in (" + String.join(", ", values) + ")";
            }
            String operator = operator(property);
            return column(property) + " " + operator + " " + literal(property);
        }

        private String textFunction(String function) {
            expect("(");
            Property property = property();
            expect(",");
            String value = quoted(next());
            expect(")");
            if (property.kind() != Kind.TEXT) {
                throw invalid(function + " applies to string properties");
            }
            String pattern = (function.equals("contains") ? "%" : "") + escapeLike(text(value)) + "%";
            return column(property) + " like " + bind(pattern) + " escape '\\'";
        }

        private String operator(Property property) {
            String word = next().toLowerCase(Locale.ROOT);
            String operator = switch (word) {
                case "eq" -> "=";
                case "ne" -> "<>";
                case "gt" -> ">";
                case "ge" -> ">=";
                case "lt" -> "<";
                case "le" -> "<=";
                default -> throw invalid("expected a comparison operator, found '" + word + "'");
            };
            if (!word.equals("eq") && !word.equals("ne") && property.kind() == Kind.BOOLEAN) {
                throw invalid(word + " does not apply to true/false properties");
            }
            return operator;
        }

        private String literal(Property property) {
            String token = next();
            return switch (property.kind()) {
                case GUID -> {
                    try {
                        yield bind(UUID.fromString(quoted(token)));
                    } catch (IllegalArgumentException e) {
                        throw invalid("'" + quoted(token) + "' is not a GUID");
                    }
                }
                case BOOLEAN -> {
                    if (!token.equals("true") && !token.equals("false")) {
                        throw invalid("expected true or false, found " + token);
                    }
                    yield bind(Boolean.valueOf(token));
                }
                case DATETIME -> {
                    try {
                        yield bind(Instant.parse(token.startsWith("'") ? quoted(token) : token));
                    } catch (DateTimeParseException e) {
                        throw invalid("'" + token + "' is not an ISO 8601 date-time such as 2025-01-14T11:20:04Z");
                    }
                }
                case TEXT -> bind(text(quoted(token)));
            };
        }

        private String column(Property property) {
            return property.kind() == Kind.TEXT && caseInsensitiveText
                    ? "lower(" + property.jpql() + ")" : property.jpql();
        }

        private String text(String value) {
            return caseInsensitiveText ? value.toLowerCase(Locale.ROOT) : value;
        }

        private Property property() {
            String name = next();
            Property property = properties.get(name.toLowerCase(Locale.ROOT));
            if (property == null) {
                throw invalid("property '" + name + "' cannot be filtered on");
            }
            return property;
        }

        private String quoted(String token) {
            if (token.length() < 2 || !token.startsWith("'") || !token.endsWith("'")) {
                throw invalid("expected a quoted string, found " + token);
            }
            return token.substring(1, token.length() - 1).replace("''", "'");
        }

        private String bind(Object value) {
            String name = "p" + parameters.size();
            parameters.put(name, value);
            return ":" + name;
        }

        private boolean acceptKeyword(String keyword) {
            if (position < tokens.size() && tokens.get(position).equalsIgnoreCase(keyword)) {
                position++;
                return true;
            }
            return false;
        }

        private boolean accept(String symbol) {
            if (position < tokens.size() && tokens.get(position).equals(symbol)) {
                position++;
                return true;
            }
            return false;
        }

        private void expect(String symbol) {
            if (!accept(symbol)) {
                throw invalid("expected '" + symbol + "'" + (position < tokens.size()
                        ? " but found '" + tokens.get(position) + "'" : " at the end"));
            }
        }

        private String next() {
            if (position >= tokens.size()) {
                throw invalid("the expression ends too early");
            }
            return tokens.get(position++);
        }
    }

    private static String escapeLike(String value) {
        return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** Splits into quoted strings (with '' escapes), punctuation and words. */
    private List<String> tokenize(String filter) {
        List<String> tokens = new ArrayList<>();
        int i = 0;
        while (i < filter.length()) {
            char c = filter.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '\'') {
                int end = closingQuote(filter, i);
                tokens.add(filter.substring(i, end + 1));
                i = end + 1;
            } else if ("(),".indexOf(c) >= 0) {
                tokens.add(String.valueOf(c));
                i++;
            } else {
                int end = i;
                while (end < filter.length() && !Character.isWhitespace(filter.charAt(end))
                        && "(),'".indexOf(filter.charAt(end)) < 0) {
                    end++;
                }
                tokens.add(filter.substring(i, end));
                i = end;
            }
        }
        return tokens;
    }

    private int closingQuote(String filter, int start) {
        int end = start + 1;
        while (end < filter.length()) {
            if (filter.charAt(end) == '\'') {
                if (end + 1 < filter.length() && filter.charAt(end + 1) == '\'') {
                    end += 2;
                    continue;
                }
                return end;
            }
            end++;
        }
        throw invalid("unterminated string starting at position " + start);
    }
}

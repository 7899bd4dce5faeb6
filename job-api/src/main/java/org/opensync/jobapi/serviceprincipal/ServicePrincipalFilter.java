package org.opensync.jobapi.serviceprincipal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.opensync.common.web.ErrorCode;
import org.opensync.common.web.GraphException;

/**
 * Translates an OData {@code $filter} on servicePrincipals into a JPQL condition with parameters. Supported:
 * {@code eq}, {@code ne}, {@code in (...)}, {@code startswith(prop,'v')}, {@code and}, {@code or}, {@code not(...)},
 * parentheses, on id, appId, displayName, appDisplayName, accountEnabled, servicePrincipalType and
 * applicationTemplateId. Property names are case-insensitive (the Graph docs write {@code AppId eq '...'}); string
 * comparisons are case-insensitive like the directory's.
 */
final class ServicePrincipalFilter {
    private enum Kind { GUID, TEXT, BOOLEAN }

    private record Property(String field, Kind kind) {
    }

    private static final Map<String, Property> PROPERTIES = Map.of(
            "id", new Property("id", Kind.GUID),
            "appid", new Property("appId", Kind.GUID),
            "displayname", new Property("displayName", Kind.TEXT),
            "appdisplayname", new Property("appDisplayName", Kind.TEXT),
            "serviceprincipaltype", new Property("servicePrincipalType", Kind.TEXT),
            "applicationtemplateid", new Property("applicationTemplateId", Kind.TEXT),
            "accountenabled", new Property("accountEnabled", Kind.BOOLEAN));

    /** A JPQL boolean expression over the entity and its named parameters. */
    record Condition(String jpql, Map<String, Object> parameters) {
    }

    private final List<String> tokens;
    private final Map<String, Object> parameters = new HashMap<>();
    private int position;

    private ServicePrincipalFilter(List<String> tokens) {
        this.tokens = tokens;
    }

    static Condition parse(String filter) {
        ServicePrincipalFilter parser = new ServicePrincipalFilter(tokenize(filter));
        String jpql = parser.or();
        if (parser.position < parser.tokens.size()) {
            throw parser.unsupported("unexpected '" + parser.tokens.get(parser.position) + "'");
        }
        return new Condition(jpql, parser.parameters);
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
        if (acceptKeyword("startswith")) {
            expect("(");
            Property property = property();
            expect(",");
            String prefix = stringLiteral();
            expect(")");
            if (property.kind() != Kind.TEXT) {
                throw unsupported("startswith applies to string properties, not " + property.field());
            }
            return "lower(" + property.field() + ") like " + bind(escapeLike(prefix.toLowerCase(Locale.ROOT)) + "%")
                    + " escape '\\'";
        }
        Property property = property();
        if (acceptKeyword("in")) {
            expect("(");
            List<String> values = new ArrayList<>();
            do {
                values.add(comparable(property, literal()));
            } while (accept(","));
            expect(")");
            return column(property) + " in (" + String.join(", ", values) + ")";
        }
        String operator = acceptKeyword("eq") ? "=" : acceptKeyword("ne") ? "<>" : null;
        if (operator == null) {
            throw unsupported("expected eq, ne or in after " + property.field());
        }
        return column(property) + " " + operator + " " + comparable(property, literal());
    }

    private static String column(Property property) {
        return property.kind() == Kind.TEXT ? "lower(" + property.field() + ")" : property.field();
    }

    private String comparable(Property property, String literal) {
        return switch (property.kind()) {
            case GUID -> {
                try {
                    yield bind(UUID.fromString(unquote(literal)));
                } catch (IllegalArgumentException e) {
                    throw unsupported("'" + unquote(literal) + "' is not a GUID (" + property.field() + ")");
                }
            }
            case BOOLEAN -> {
                if (!literal.equals("true") && !literal.equals("false")) {
                    throw unsupported(property.field() + " compares with true or false");
                }
                yield bind(Boolean.valueOf(literal));
            }
            case TEXT -> {
                if (!literal.startsWith("'")) {
                    throw unsupported(property.field() + " compares with a quoted string");
                }
                yield bind(unquote(literal).toLowerCase(Locale.ROOT));
            }
        };
    }

    private Property property() {
        String name = next();
        Property property = PROPERTIES.get(name.toLowerCase(Locale.ROOT));
        if (property == null) {
            throw unsupported("property '" + name + "' cannot be filtered on");
        }
        return property;
    }

    private String stringLiteral() {
        String literal = literal();
        if (!literal.startsWith("'")) {
            throw unsupported("expected a quoted string, found " + literal);
        }
        return unquote(literal);
    }

    private String literal() {
        return next();
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
            throw unsupported("expected '" + symbol + "'" + (position < tokens.size()
                    ? " but found '" + tokens.get(position) + "'" : " at the end"));
        }
    }

    private String next() {
        if (position >= tokens.size()) {
            throw unsupported("the expression ends too early");
        }
        return tokens.get(position++);
    }

    private GraphException unsupported(String detail) {
        return new GraphException(400, ErrorCode.UNSUPPORTED_QUERY, "Unsupported or invalid query filter clause: "
                + detail + ".", "$filter");
    }

    private static String unquote(String literal) {
        if (literal.length() >= 2 && literal.startsWith("'") && literal.endsWith("'")) {
            return literal.substring(1, literal.length() - 1).replace("''", "'");
        }
        return literal;
    }

    private static String escapeLike(String value) {
        return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** Splits into quoted strings (with '' escapes), punctuation and words. */
    private static List<String> tokenize(String filter) {
        List<String> tokens = new ArrayList<>();
        int i = 0;
        while (i < filter.length()) {
            char c = filter.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '\'') {
                int end = i + 1;
                while (true) {
                    if (end >= filter.length()) {
                        throw new GraphException(400, ErrorCode.UNSUPPORTED_QUERY,
                                "Invalid query filter clause: unterminated string starting at position " + i + ".",
                                "$filter");
                    }
                    if (filter.charAt(end) == '\'') {
                        if (end + 1 < filter.length() && filter.charAt(end + 1) == '\'') {
                            end += 2;
                            continue;
                        }
                        break;
                    }
                    end++;
                }
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
}

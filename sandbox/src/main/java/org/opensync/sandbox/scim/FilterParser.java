package org.opensync.sandbox.scim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
  * Recursive-descent parser for RFC 7644 §3.4.2.2 filters ({@code and} binds tighter than {@code or}). Beyond the
  * RFC grammar it accepts {@code emails[type eq "work"].value eq "x"}, the form Entra uses for a matching attribute
  * that is a value-filter path.
  */
final class FilterParser {

    private enum Kind { LPAREN, RPAREN, LBRACKET, RBRACKET, STRING, WORD, END }

    private record Token(Kind kind, String text) {
    }

    private final String source;
    private final ResourceType type;
    private final ScimSchemas schemas;
    private final List<Token> tokens;
    private int position;

    private FilterParser(String source, ResourceType type, ScimSchemas schemas) {
        this.source = source;
        this.type = type;
        this.schemas = schemas;
        this.tokens = tokenize(source);
    }

    static Filter parse(String filter, ResourceType type, ScimSchemas schemas) {
        return parse(filter, type, schemas, false);
    }

    /** The filter inside {@code attr[...]} of a PATCH path: attribute names relative to the element. */
    static Filter parseElementFilter(String filter, ResourceType type, ScimSchemas schemas) {
        return parse(filter, type, schemas, true);
    }

    private static Filter parse(String filter, ResourceType type, ScimSchemas schemas, boolean element) {
        FilterParser parser = new FilterParser(filter, type, schemas);
        Filter result = parser.parseOr(element);
        parser.expect(Kind.END);
        return result;
    }

    private Filter parseOr(boolean element) {
        Filter left = parseAnd(element);
        while (peekWord("or")) {
            position++;
            left = new Filter.Or(left, parseAnd(element));
        }
        return left;
    }

    private Filter parseAnd(boolean element) {
        Filter left = parseUnary(element);
        while (peekWord("and")) {
            position++;
            left = new Filter.And(left, parseUnary(element));
        }
        return left;
    }

    private Filter parseUnary(boolean element) {
        if (peekWord("not") && tokens.get(position + 1).kind() == Kind.LPAREN) {
            position += 2;
            Filter inner = parseOr(element);
            expect(Kind.RPAREN);
            return new Filter.Not(inner);
        }
        if (peek().kind() == Kind.LPAREN) {
            position++;
            Filter inner = parseOr(element);
            expect(Kind.RPAREN);
            return inner;
        }
        return parseAttributeExpression(element);
    }

    private Filter parseAttributeExpression(boolean element) {
        AttributePath path = path(expect(Kind.WORD).text(), element);
        if (peek().kind() == Kind.LBRACKET) {
            if (element) {
                throw invalid("value filters cannot be nested");
            }
            position++;
            Filter inner = parseOr(true);
            expect(Kind.RBRACKET);
            if (peek().kind() == Kind.WORD && peek().text().startsWith(".")) {
                AttributePath sub = path(expect(Kind.WORD).text().substring(1), true);
                inner = new Filter.And(inner, parseCondition(sub));
            }
            return new Filter.ValuePath(path, inner);
        }
        return parseCondition(path);
    }

    private Filter parseCondition(AttributePath path) {
        String operator = expect(Kind.WORD).text();
        if (operator.equalsIgnoreCase("pr")) {
            return new Filter.Present(path);
        }
        Filter.Operator op = Filter.Operator.parse(operator);
        if (op == null) {
            throw invalid("unknown operator '" + operator + "'");
        }
        return new Filter.Comparison(path, op, literal());
    }

    private JsonNode literal() {
        Token token = peek();
        position++;
        try {
            if (token.kind() == Kind.STRING) {
                return ScimJson.NODES.textNode(ScimJson.MAPPER.readValue(token.text(), String.class));
            }
            if (token.kind() == Kind.WORD) {
                String word = token.text();
                if (word.equalsIgnoreCase("true") || word.equalsIgnoreCase("false") || word.equalsIgnoreCase("null")) {
                    return ScimJson.MAPPER.readTree(word.toLowerCase(Locale.ROOT));
                }
                if (word.matches("-?\\d+(\\.\\d+)?([eE][+-]?\\d+)?")) {
                    return ScimJson.MAPPER.readTree(word);
                }
            }
        } catch (JsonProcessingException e) {
            throw invalid("bad literal " + token.text());
        }
        throw invalid("expected a value but found '" + token.text() + "'");
    }

    private AttributePath path(String text, boolean element) {
        try {
            return element ? AttributePath.element(text) : AttributePath.parse(text, type, schemas);
        } catch (IllegalArgumentException e) {
            throw invalid(e.getMessage());
        }
    }

    private boolean peekWord(String word) {
        Token token = peek();
        return token.kind() == Kind.WORD && token.text().equalsIgnoreCase(word);
    }

    private Token peek() {
        return tokens.get(position);
    }

    private Token expect(Kind kind) {
        Token token = peek();
        if (token.kind() != kind) {
            throw invalid("expected " + kind + " but found '" + token.text() + "'");
        }
        position++;
        return token;
    }

    private ScimException invalid(String why) {
        return ScimException.badRequest("invalidFilter", "invalid filter '" + source + "': " + why);
    }

    private List<Token> tokenize(String text) {
        List<Token> result = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '(' || c == ')' || c == '[' || c == ']') {
                Kind kind = c == '(' ? Kind.LPAREN : c == ')' ? Kind.RPAREN : c == '[' ? Kind.LBRACKET : Kind.RBRACKET;
                result.add(new Token(kind, String.valueOf(c)));
                i++;
            } else if (c == '"') {
                int end = i + 1;
                while (end < text.length() && text.charAt(end) != '"') {
                    end += text.charAt(end) == '\\' ? 2 : 1;
                }
                if (end >= text.length()) {
                    throw invalid("unterminated string");
                }
                result.add(new Token(Kind.STRING, text.substring(i, end + 1)));
                i = end + 1;
            } else {
                int end = i;
                while (end < text.length() && !Character.isWhitespace(text.charAt(end)) && "()[]\"".indexOf(text.charAt(end)) < 0) {
                    end++;
                }
                result.add(new Token(Kind.WORD, text.substring(i, end)));
                i = end;
            }
        }
        result.add(new Token(Kind.END, "end of filter"));
        return result;
    }
}

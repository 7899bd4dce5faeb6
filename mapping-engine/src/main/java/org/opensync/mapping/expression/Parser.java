package org.opensync.mapping.expression;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Recursive-descent parser for the grammar of Entra's expression language:
 * <pre>
 * expr    := concat ( cmpop concat )?
 * concat  := primary ( "&amp;" primary )*
 * primary := call | attribute | string | number | hexnum | keyword | "(" expr ")"
 * </pre>
 * Function names, arities, required arguments, literal arguments (regex patterns, cultures…) and — with a source
 * definition — attribute names are validated here, so that errors carry the position where they occur.
 */
final class Parser {
    static final int MAX_LENGTH = 10_000;
    static final int MAX_NESTING = 100;

    private final String text;
    private final FunctionLibrary library;
    private final AttributeCheck attributes;
    private final List<Token> tokens = new ArrayList<>();
    private int index;
    private int nesting;

    private Parser(String text, FunctionLibrary library, AttributeCheck attributes) {
        this.text = text;
        this.library = library;
        this.attributes = attributes;
    }

    static Expr parse(String text, FunctionLibrary library, AttributeCheck attributes) {
        return new Parser(text, library, attributes).parseWhole();
    }

    private Expr parseWhole() {
        if (text.length() > MAX_LENGTH) {
            throw new ExpressionParseException(MAX_LENGTH, "an expression of " + text.length() + " characters",
                    "at most " + MAX_LENGTH + " characters", "Expression too long");
        }
        Lexer lexer = new Lexer(text);
        Token token;
        do {
            token = lexer.next();
            tokens.add(token);
        } while (token.kind() != Token.Kind.END);
        if (peek().kind() == Token.Kind.END) {
            throw new ExpressionParseException(0, "end of expression", "an expression", "Empty expression");
        }
        Expr expression = expression();
        Token trailing = peek();
        if (trailing.kind() != Token.Kind.END) {
            throw unexpected(trailing, "'&', a comparison operator or end of expression");
        }
        return expression;
    }

    private Expr expression() {
        int leftStart = peek().start();
        Expr left = concatenation();
        if (peek().kind() != Token.Kind.COMPARISON) {
            return left;
        }
        Token operator = next();
        int rightStart = peek().start();
        Expr right = concatenation();
        requireNotSelectUniqueValue(left, leftStart);
        requireNotSelectUniqueValue(right, rightStart);
        ComparisonOperator op = ComparisonOperator.bySymbol(operator.text()).orElseThrow();
        return new Expr.Compare(left, op, right);
    }

    private Expr concatenation() {
        int start = peek().start();
        Expr first = primary();
        if (peek().kind() != Token.Kind.AMPERSAND) {
            return first;
        }
        requireNotSelectUniqueValue(first, start);
        List<Expr> parts = new ArrayList<>();
        parts.add(first);
        while (peek().kind() == Token.Kind.AMPERSAND) {
            next();
            int partStart = peek().start();
            Expr part = primary();
            requireNotSelectUniqueValue(part, partStart);
            parts.add(part);
        }
        return new Expr.Concat(parts);
    }

    private Expr primary() {
        Token token = next();
        return switch (token.kind()) {
            case ATTRIBUTE -> attribute(token);
            case STRING -> new Expr.Text((String) token.value());
            case NUMBER -> new Expr.Number((Long) token.value(), token.text());
            case IDENTIFIER -> peek().kind() == Token.Kind.OPEN ? call(token) : keyword(token);
            case OPEN -> parenthesised(token);
            default -> throw unexpected(token, "an expression (function call, [attribute], \"string\" or number)");
        };
    }

    private Expr attribute(Token token) {
        String name = (String) token.value();
        Optional<String> problem = attributes.problem(name);
        if (problem.isPresent()) {
            throw new ExpressionParseException(token.start(), token.describe(), problem.get(), "Unknown attribute");
        }
        return new Expr.Attribute(name);
    }

    private Expr keyword(Token token) {
        return Keyword.lookup(token.text()).<Expr>map(Expr.Word::new).orElseThrow(() ->
                new ExpressionParseException(token.start(), token.describe(),
                        "a function call (name followed by '(') or one of the keywords "
                                + Arrays.toString(Keyword.values()),
                        "Unknown keyword"));
    }

    private Expr parenthesised(Token open) {
        enter(open);
        Expr inner = expression();
        Token close = next();
        if (close.kind() != Token.Kind.CLOSE) {
            throw unexpected(close, "')'");
        }
        nesting--;
        return inner;
    }

    private Expr call(Token name) {
        FunctionSpec function = library.find(name.text()).orElseThrow(() ->
                new ExpressionParseException(name.start(), name.describe(), library.suggestion(name.text()),
                        "Unknown function"));
        enter(next());
        List<Expr> arguments = new ArrayList<>();
        List<Integer> starts = new ArrayList<>();
        if (peek().kind() == Token.Kind.CLOSE) {
            next();
        } else {
            Token separator;
            do {
                Token first = peek();
                starts.add(first.start());
                if (first.kind() == Token.Kind.COMMA || first.kind() == Token.Kind.CLOSE) {
                    arguments.add(Expr.Omitted.INSTANCE);
                } else {
                    arguments.add(expression());
                }
                separator = next();
                if (separator.kind() != Token.Kind.COMMA && separator.kind() != Token.Kind.CLOSE) {
                    throw unexpected(separator, "',' or ')'");
                }
            } while (separator.kind() == Token.Kind.COMMA);
        }
        nesting--;
        return finishCall(function, name, arguments, starts);
    }

    private Expr finishCall(FunctionSpec function, Token name, List<Expr> written, List<Integer> starts) {
        return CallValidator.validate(function, written, (argument, found, expected, problem) ->
                new ExpressionParseException(argument >= 0 && argument < starts.size() ? starts.get(argument)
                        : name.start(), found, expected, problem + " in " + function.name()));
    }

    /** SelectUniqueValue must be the whole expression. */
    private void requireNotSelectUniqueValue(Expr expression, int position) {
        if (CallValidator.isSelectUniqueValue(expression)) {
            throw new ExpressionParseException(position, "'" + FunctionLibrary.SELECT_UNIQUE_VALUE + "(…)'",
                    "SelectUniqueValue only as the whole expression", "SelectUniqueValue cannot be nested");
        }
    }

    private void enter(Token token) {
        if (++nesting > MAX_NESTING) {
            throw new ExpressionParseException(token.start(), token.describe(),
                    "at most " + MAX_NESTING + " nested levels", "Expression nested too deeply");
        }
    }

    private Token peek() {
        return tokens.get(index);
    }

    private Token next() {
        Token token = tokens.get(index);
        if (token.kind() != Token.Kind.END) {
            index++;
        }
        return token;
    }

    private static ExpressionParseException unexpected(Token token, String expected) {
        return new ExpressionParseException(token.start(), token.describe(), expected, "Unexpected "
                + (token.kind() == Token.Kind.END ? "end of expression" : "token"));
    }
}

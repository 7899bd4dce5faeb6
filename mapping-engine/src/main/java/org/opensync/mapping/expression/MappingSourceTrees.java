package org.opensync.mapping.expression;

import java.util.ArrayList;
import java.util.List;
import org.opensync.mapping.model.AttributeMappingSource;
import org.opensync.mapping.model.AttributeMappingSourceType;
import org.opensync.mapping.model.StringKeyAttributeMappingSourceValuePair;

/**
 * Conversion between syntax trees and Graph {@code attributeMappingSource} trees.
 *
 * <ul>
 *   <li>{@code [name]} ↔ {@code Attribute} with that name.</li>
 *   <li>String literal ↔ {@code Constant} whose name is the value and whose expression is the quoted literal.</li>
 *   <li>Number ↔ {@code Constant} whose name is the decimal value and whose expression is the number as written
 *       ({@code 7}, {@code &HF}); a keyword ↔ {@code Constant} whose name and expression are the bare keyword. A
 *       {@code Constant} is read back as a number or keyword only when its expression is exactly that literal,
 *       otherwise as a string, so hand-built trees that omit {@code expression} get strings.</li>
 *   <li>Function call ↔ {@code Function} with one parameter per supplied argument, keyed by the parameter name of
 *       the function catalogue; empty arguments are skipped and restored from the keys.</li>
 *   <li>Comparison ↔ {@code Function} named by its operator symbol ({@code =}, {@code <>}, {@code >}, {@code >=},
 *       {@code <}, {@code <=}) with parameters {@code left} and {@code right}; concatenation ↔ {@code Function}
 *       named {@code &} with repeated {@code source} parameters. Symbols can never clash with function names.</li>
 * </ul>
 * Every node's {@code expression} is its canonical text, so text → tree → text → tree is stable.
 */
final class MappingSourceTrees {
    static final String CONCAT = "&";
    static final String LEFT = "left";
    static final String RIGHT = "right";
    static final String PART = "source";

    private MappingSourceTrees() {
    }

    static AttributeMappingSource toTree(Expr expression) {
        String text = ExpressionWriter.write(expression);
        if (expression instanceof Expr.Attribute attribute) {
            return leaf(text, attribute.name(), AttributeMappingSourceType.Attribute);
        } else if (expression instanceof Expr.Text literal) {
            return leaf(text, literal.value(), AttributeMappingSourceType.Constant);
        } else if (expression instanceof Expr.Number number) {
            return leaf(text, Long.toString(number.value()), AttributeMappingSourceType.Constant);
        } else if (expression instanceof Expr.Word word) {
            return leaf(text, word.keyword().name(), AttributeMappingSourceType.Constant);
        } else if (expression instanceof Expr.Compare compare) {
            return function(text, compare.operator().symbol(),
                    List.of(pair(LEFT, compare.left()), pair(RIGHT, compare.right())));
        } else if (expression instanceof Expr.Concat concat) {
            return function(text, CONCAT, concat.parts().stream().map(part -> pair(PART, part)).toList());
        }
        Expr.Call call = (Expr.Call) expression;
        FunctionSpec function = call.function();
        List<StringKeyAttributeMappingSourceValuePair> parameters = new ArrayList<>();
        List<Expr> arguments = call.arguments();
        for (int i = 0; i < arguments.size(); i++) {
            if (arguments.get(i) != Expr.Omitted.INSTANCE) {
                parameters.add(pair(function.layout().parameterAt(function, i, arguments).name(), arguments.get(i)));
            }
        }
        return function(text, function.name(), parameters);
    }

    private static AttributeMappingSource leaf(String text, String name, AttributeMappingSourceType type) {
        return new AttributeMappingSource(text, name, List.of(), type);
    }

    private static AttributeMappingSource function(String text, String name,
            List<StringKeyAttributeMappingSourceValuePair> parameters) {
        return new AttributeMappingSource(text, name, parameters, AttributeMappingSourceType.Function);
    }

    private static StringKeyAttributeMappingSourceValuePair pair(String key, Expr value) {
        return new StringKeyAttributeMappingSourceValuePair(key, toTree(value));
    }

    static Expr fromTree(AttributeMappingSource source, FunctionLibrary library, AttributeCheck attributes) {
        return new Reader(library, attributes).read(source, "source");
    }

    /** Reads a tree, naming the offending node by its JSON path in errors. */
    private record Reader(FunctionLibrary library, AttributeCheck attributes) {
        Expr read(AttributeMappingSource node, String path) {
            if (node == null) {
                throw new InvalidExpressionException(path + ": a mapping source is required");
            }
            String name = node.name();
            if (name == null) {
                throw new InvalidExpressionException(path + ": 'name' is required");
            }
            return switch (node.type()) {
                case Attribute -> attribute(name, path);
                case Constant -> constant(name, node.expression());
                case Function -> function(node, path);
            };
        }

        private Expr attribute(String name, String path) {
            if (!Lexer.referable(name)) {
                throw new InvalidExpressionException(path + ": '" + name + "' is not a valid attribute name");
            }
            attributes.problem(name).ifPresent(expected -> {
                throw new InvalidExpressionException(path + ": unknown attribute '" + name + "', expected " + expected);
            });
            return new Expr.Attribute(name);
        }

        private static Expr constant(String name, String expression) {
            String written = expression == null ? "" : expression.strip();
            if (!written.isEmpty() && Character.isLetter(written.charAt(0)) && written.equals(name)) {
                return Keyword.lookup(written).<Expr>map(Expr.Word::new).orElse(new Expr.Text(name));
            }
            Long number = numberLiteral(written);
            return number != null && Long.toString(number).equals(name)
                    ? new Expr.Number(number, written) : new Expr.Text(name);
        }

        private static Long numberLiteral(String written) {
            if (written.isEmpty() || !(Character.isDigit(written.charAt(0)) || written.charAt(0) == '-'
                    || written.charAt(0) == '&')) {
                return null;
            }
            try {
                Lexer lexer = new Lexer(written);
                Token token = lexer.next();
                return token.kind() == Token.Kind.NUMBER && lexer.next().kind() == Token.Kind.END
                        ? (Long) token.value() : null;
            } catch (ExpressionParseException notANumber) {
                return null;
            }
        }

        private Expr function(AttributeMappingSource node, String path) {
            List<String> keys = new ArrayList<>();
            List<Expr> values = new ArrayList<>();
            List<StringKeyAttributeMappingSourceValuePair> parameters = node.parameters();
            for (int i = 0; i < parameters.size(); i++) {
                StringKeyAttributeMappingSourceValuePair parameter = parameters.get(i);
                keys.add(parameter.key());
                values.add(read(parameter.value(), path + ".parameters[" + i + "].value"));
            }
            String name = node.name();
            if (name.equals(CONCAT)) {
                return concatenation(keys, values, path);
            }
            if (ComparisonOperator.bySymbol(name).isPresent()) {
                return comparison(ComparisonOperator.bySymbol(name).get(), keys, values, path);
            }
            FunctionSpec function = library.find(name).orElseThrow(() ->
                    new InvalidExpressionException(path + ": unknown function '" + name + "', expected "
                            + library.suggestion(name)));
            List<Expr> positional;
            try {
                positional = function.layout().arrange(function, keys, values);
            } catch (InvalidExpressionException e) {
                throw new InvalidExpressionException(path + ": " + e.getMessage());
            }
            return CallValidator.validate(function, positional, (argument, found, expected, problem) ->
                    new InvalidExpressionException(path + ": " + problem + " in " + name + ": found " + found
                            + ", expected " + expected));
        }

        private static Expr concatenation(List<String> keys, List<Expr> values, String path) {
            if (values.size() < 2 || !keys.stream().allMatch(PART::equals)) {
                throw new InvalidExpressionException(path + ": '&' needs two or more parameters keyed '" + PART + "'");
            }
            requireNoSelectUniqueValue(values, path);
            return new Expr.Concat(values);
        }

        private static Expr comparison(ComparisonOperator operator, List<String> keys, List<Expr> values, String path) {
            if (!keys.equals(List.of(LEFT, RIGHT))) {
                throw new InvalidExpressionException(path + ": '" + operator.symbol() + "' needs parameters '"
                        + LEFT + "' and '" + RIGHT + "' in that order");
            }
            requireNoSelectUniqueValue(values, path);
            return new Expr.Compare(values.get(0), operator, values.get(1));
        }

        private static void requireNoSelectUniqueValue(List<Expr> values, String path) {
            if (values.stream().anyMatch(CallValidator::isSelectUniqueValue)) {
                throw new InvalidExpressionException(path + ": SelectUniqueValue cannot be nested");
            }
        }
    }
}

package org.opensync.mapping.expression;

import java.util.Collection;
import java.util.List;

/**
 * Syntax tree of an expression. Function calls keep one argument per parameter position, with {@link Omitted} for
 * empty arguments, normalised so that equal meaning gives equal trees (see {@link ArgumentLayout}).
 */
sealed interface Expr {

    record Attribute(String name) implements Expr {
    }

    record Text(String value) implements Expr {
    }

    /** {@code text} keeps the written form ({@code &HF} or {@code 15}) so that rendering is lossless. */
    record Number(long value, String text) implements Expr {
    }

    record Word(Keyword keyword) implements Expr {
    }

    record Call(FunctionSpec function, List<Expr> arguments) implements Expr {
        public Call {
            arguments = List.copyOf(arguments);
        }
    }

    record Compare(Expr left, ComparisonOperator operator, Expr right) implements Expr {
    }

    record Concat(List<Expr> parts) implements Expr {
        public Concat {
            parts = List.copyOf(parts);
        }
    }

    /** An empty argument: "parameter not supplied". */
    enum Omitted implements Expr {
        INSTANCE
    }

    /** Adds the attribute names read anywhere in {@code expression}, in order of appearance. */
    static void collectAttributes(Expr expression, Collection<String> attributes) {
        if (expression instanceof Attribute attribute) {
            attributes.add(attribute.name());
        } else if (expression instanceof Call call) {
            call.arguments().forEach(argument -> collectAttributes(argument, attributes));
        } else if (expression instanceof Compare compare) {
            collectAttributes(compare.left(), attributes);
            collectAttributes(compare.right(), attributes);
        } else if (expression instanceof Concat concat) {
            concat.parts().forEach(part -> collectAttributes(part, attributes));
        }
    }

    /** Whether {@code expression} calls the function anywhere. */
    static boolean calls(Expr expression, String function) {
        if (expression instanceof Call call) {
            return call.function().name().equals(function)
                    || call.arguments().stream().anyMatch(argument -> calls(argument, function));
        }
        if (expression instanceof Compare compare) {
            return calls(compare.left(), function) || calls(compare.right(), function);
        }
        return expression instanceof Concat concat && concat.parts().stream().anyMatch(part -> calls(part, function));
    }

    /** Literals whose value is known without evaluation. */
    default boolean isLiteral() {
        return this instanceof Text || this instanceof Number;
    }
}

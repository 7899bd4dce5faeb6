package org.opensync.mapping.expression;

import java.util.List;
import java.util.function.Function;

/**
 * An argument that needs interpretation (a culture name, regex, date format…). When it is written as a literal or
 * left empty, it is interpreted once at bind time, so mistakes surface at parse time and objects do not pay for
 * re-interpretation; otherwise it is interpreted per evaluation.
 *
 * @param <T> the interpreted form
 */
final class PreparedArgument<T> {
    private final int index;
    private final Function<String, T> interpreter;
    private final boolean prepared;
    private final T value;

    private PreparedArgument(int index, Function<String, T> interpreter, boolean prepared, T value) {
        this.index = index;
        this.interpreter = interpreter;
        this.prepared = prepared;
        this.value = value;
    }

    /** @param interpreter receives null for an absent argument; throws IllegalArgumentException when invalid */
    static <T> PreparedArgument<T> of(List<Expr> arguments, int index, Function<String, T> interpreter) {
        Expr argument = index < arguments.size() ? arguments.get(index) : Expr.Omitted.INSTANCE;
        String literal;
        if (argument instanceof Expr.Text text) {
            literal = text.value();
        } else if (argument instanceof Expr.Number number) {
            literal = Long.toString(number.value());
        } else if (argument == Expr.Omitted.INSTANCE) {
            literal = null;
        } else {
            return new PreparedArgument<>(index, interpreter, false, null);
        }
        try {
            return new PreparedArgument<>(index, interpreter, true, interpreter.apply(literal));
        } catch (IllegalArgumentException e) {
            throw new InvalidExpressionException(e.getMessage());
        }
    }

    T get(CallNode call, EvaluationContext context) throws EvaluationSignal {
        if (prepared) {
            return value;
        }
        String text = call.text(index, context);
        try {
            return interpreter.apply(text);
        } catch (IllegalArgumentException e) {
            throw call.error(e.getMessage());
        }
    }
}

package org.opensync.mapping.expression;

import java.time.LocalDateTime;
import org.opensync.mapping.value.Value;

/**
 * A bound function call. Function bodies pull their arguments through the typed accessors, which name the function
 * and parameter in conversion errors; unsupplied (empty) arguments read as null.
 */
final class CallNode extends Node {
    private final FunctionSpec function;
    private final FunctionBody body;
    private final Node[] arguments;
    private final String[] parameterNames;

    CallNode(FunctionSpec function, FunctionBody body, Node[] arguments, String[] parameterNames) {
        this.function = function;
        this.body = body;
        this.arguments = arguments;
        this.parameterNames = parameterNames;
    }

    @Override
    Value evaluate(EvaluationContext context) throws EvaluationSignal {
        Value result = body.apply(this, context);
        context.charge(result, function.name());
        return result;
    }

    String name() {
        return function.name();
    }

    int count() {
        return arguments.length;
    }

    boolean supplied(int index) {
        return index < arguments.length && arguments[index] != null;
    }

    Value value(int index, EvaluationContext context) throws EvaluationSignal {
        return supplied(index) ? arguments[index].evaluate(context) : Value.NULL;
    }

    /** Single text value, null when absent; multi-valued arguments are an error. */
    String text(int index, EvaluationContext context) throws EvaluationSignal {
        return Coercions.text(value(index, context), name(), parameterNames[index]);
    }

    /** Like {@link #text} but an absent value reads as the empty string. */
    String textOrEmpty(int index, EvaluationContext context) throws EvaluationSignal {
        String text = text(index, context);
        return text == null ? "" : text;
    }

    long integer(int index, EvaluationContext context) throws EvaluationSignal {
        return Coercions.integer(value(index, context), name(), parameterNames[index]);
    }

    /** Converts an already evaluated argument, so that it is not evaluated twice. */
    long integer(int index, Value value) throws EvaluationException {
        return Coercions.integer(value, name(), parameterNames[index]);
    }

    /** Converts an already evaluated argument, so that it is not evaluated twice. */
    LocalDateTime dateTime(int index, Value value) throws EvaluationException {
        return Coercions.dateTime(value, name(), parameterNames[index]);
    }

    EvaluationException error(String problem) {
        return EvaluationException.in(name(), problem);
    }
}

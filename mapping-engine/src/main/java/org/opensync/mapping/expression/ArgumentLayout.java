package org.opensync.mapping.expression;

import java.util.ArrayList;
import java.util.List;

/**
 * How positional arguments relate to parameter keys of the mapping source tree. Trailing optional parameters are
 * padded with {@link Expr.Omitted}, so {@code ToLower([x])} and {@code ToLower([x], )} are the same call and the
 * canonical text keeps every position, as in the documented {@code Replace([mail], "@", , , "_", , )}.
 */
enum ArgumentLayout {
    /** One argument per declared parameter. */
    FIXED,
    /** Fixed parameters, then a repeating last parameter ({@code Join}, {@code Switch}, {@code SelectUniqueValue}). */
    TRAILING_REPEAT,
    /**
     * {@code Coalesce}: repeating sources, then an optional default. The last argument is the default only when it
     * is a literal constant.
     */
    SOURCES_THEN_DEFAULT;

    List<Expr> pad(FunctionSpec function, List<Expr> arguments) {
        int fixed = fixedCount(function);
        if (this == SOURCES_THEN_DEFAULT || arguments.size() >= fixed) {
            return arguments;
        }
        List<Expr> padded = new ArrayList<>(arguments);
        while (padded.size() < fixed) {
            padded.add(Expr.Omitted.INSTANCE);
        }
        return padded;
    }

    int fixedCount(FunctionSpec function) {
        return switch (this) {
            case FIXED -> function.parameters().size();
            case TRAILING_REPEAT -> function.parameters().size() - 1;
            case SOURCES_THEN_DEFAULT -> 0;
        };
    }

    /** The parameter an argument position binds to. */
    ParameterSpec parameterAt(FunctionSpec function, int position, List<Expr> arguments) {
        List<ParameterSpec> parameters = function.parameters();
        return switch (this) {
            case FIXED -> parameters.get(position);
            case TRAILING_REPEAT -> parameters.get(Math.min(position, parameters.size() - 1));
            case SOURCES_THEN_DEFAULT -> isDefaultPosition(position, arguments) ? parameters.get(1) : parameters.get(0);
        };
    }

    private static boolean isDefaultPosition(int position, List<Expr> arguments) {
        return position == arguments.size() - 1 && position > 0 && arguments.get(position).isLiteral();
    }

    /** Inverse of {@link #parameterAt}: places keyed arguments (in tree order) at their positions. */
    List<Expr> arrange(FunctionSpec function, List<String> keys, List<Expr> values) {
        List<ParameterSpec> parameters = function.parameters();
        List<Expr> positional = new ArrayList<>();
        Expr defaultValue = null;
        for (int i = 0; i < keys.size(); i++) {
            String key = keys.get(i);
            int index = indexOf(function, key);
            ParameterSpec parameter = parameters.get(index);
            if (this == SOURCES_THEN_DEFAULT && !parameter.repeating()) {
                defaultValue = values.get(i);
            } else if (parameter.repeating()) {
                while (positional.size() < index) {
                    positional.add(Expr.Omitted.INSTANCE);
                }
                positional.add(values.get(i));
            } else {
                while (positional.size() <= index) {
                    positional.add(Expr.Omitted.INSTANCE);
                }
                if (positional.get(index) != Expr.Omitted.INSTANCE) {
                    throw new InvalidExpressionException(
                            function.name() + ": parameter '" + key + "' is given more than once");
                }
                positional.set(index, values.get(i));
            }
        }
        if (defaultValue != null) {
            positional.add(defaultValue);
        }
        return positional;
    }

    private static int indexOf(FunctionSpec function, String key) {
        List<ParameterSpec> parameters = function.parameters();
        for (int i = 0; i < parameters.size(); i++) {
            if (parameters.get(i).name().equals(key)) {
                return i;
            }
        }
        throw new InvalidExpressionException(function.name() + " has no parameter '" + key + "'; its parameters are "
                + parameters.stream().map(ParameterSpec::name).toList());
    }
}

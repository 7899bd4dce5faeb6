package org.opensync.mapping.expression;

import java.util.List;

/**
 * Checks a function call built from text or from a mapping source tree: argument counts, required arguments, and
 * whatever the function's binder rejects (invalid literal regex, culture, interval…). The caller decides how a
 * failure is located (text position or tree path).
 */
final class CallValidator {
    /** Builds the exception for a problem at an argument index (-1: the call as a whole). */
    @FunctionalInterface
    interface Failure {
        InvalidExpressionException at(int argument, String found, String expected, String problem);
    }

    private CallValidator() {
    }

    static Expr.Call validate(FunctionSpec function, List<Expr> written, Failure failure) {
        if (written.size() > function.maximumArguments()) {
            throw failure.at(-1, written.size() + " arguments",
                    "at most " + function.maximumArguments() + " for " + function.signature(), "Too many arguments");
        }
        List<Expr> arguments = function.normalize(written);
        if (arguments.size() < function.minimumArguments()) {
            throw failure.at(-1, written.size() + " arguments",
                    "at least " + function.minimumArguments() + " for " + function.signature(), "Too few arguments");
        }
        boolean positionsKept = arguments.size() == written.size();
        for (int i = 0; i < arguments.size(); i++) {
            ParameterSpec parameter = function.layout().parameterAt(function, i, arguments);
            boolean omitted = arguments.get(i) == Expr.Omitted.INSTANCE;
            if (omitted && parameter.repeating()) {
                // a mapping source tree could not say where an empty occurrence of a repeating parameter was
                throw failure.at(positionsKept ? i : -1, "an empty argument",
                        "a value for each occurrence of parameter '" + parameter.name() + "' of " + function.signature(),
                        "Empty repeated argument");
            }
            if (parameter.required() && omitted) {
                throw failure.at(positionsKept ? i : -1, "an empty argument",
                        "a value for parameter '" + parameter.name() + "' of " + function.signature(),
                        "Missing required argument");
            }
            if (isSelectUniqueValue(arguments.get(i))) {
                throw failure.at(i, "a nested SelectUniqueValue", "SelectUniqueValue only as the whole expression",
                        "SelectUniqueValue cannot be nested");
            }
        }
        try {
            function.bind(arguments);
        } catch (InvalidExpressionException e) {
            throw failure.at(-1, function.name() + "(…)", "valid arguments for " + function.signature(),
                    e.getMessage());
        }
        return new Expr.Call(function, arguments);
    }

    static boolean isSelectUniqueValue(Expr expression) {
        return expression instanceof Expr.Call call && call.function().name().equals(FunctionLibrary.SELECT_UNIQUE_VALUE);
    }
}

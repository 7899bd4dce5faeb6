package org.opensync.mapping.expression;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.opensync.mapping.value.ObjectImage;

/** Generates syntactically valid expressions over every function, for property tests. */
final class RandomExpressions {
    private static final List<FunctionSpec> FUNCTIONS = FunctionLibrary.standard().functions();
    private static final String[] ATTRIBUTES = {"a", "b", "multi", "date", "number", "missing", "odd name"};
    private static final String[] LITERALS = {"", "x", "a b", "\\\"q\\\"", "\\\\d+", "2021-08-24", "True", "d", "1",
        "yyyy", ",", "é"};

    private RandomExpressions() {
    }

    /** Retries until the binders accept the literals drawn (for example a valid regex or interval). */
    static ParsedExpression parseable(Random random) {
        InvalidExpressionException last = null;
        for (int attempt = 0; attempt < 50; attempt++) {
            try {
                return Expressions.parse(expression(random, 3));
            } catch (InvalidExpressionException e) {
                last = e;
            }
        }
        throw new AssertionError("no parseable expression in 50 attempts", last);
    }

    static ObjectImage image(Random random) {
        return ObjectImage.builder()
                .put("a", LITERALS[random.nextInt(LITERALS.length)])
                .put("b", Integer.toString(random.nextInt(200) - 100))
                .put("multi", List.of("x", "y", "x"))
                .put("date", "2021-0" + (1 + random.nextInt(9)) + "-1" + random.nextInt(9))
                .put("number", Long.toString(random.nextLong()))
                .put("odd name", "v")
                .build();
    }

    static String expression(Random random, int depth) {
        int choice = random.nextInt(depth <= 0 ? 3 : 10);
        return switch (choice) {
            case 0 -> "[" + ATTRIBUTES[random.nextInt(ATTRIBUTES.length)] + "]";
            case 1 -> "\"" + LITERALS[random.nextInt(LITERALS.length)] + "\"";
            case 2 -> random.nextBoolean() ? Long.toString(random.nextInt(2000) - 1000) : "&H" + Integer.toHexString(random.nextInt(4096));
            case 3 -> expression(random, depth - 1) + " & " + expression(random, depth - 1);
            case 4 -> "(" + expression(random, depth - 1) + ") " + new String[] {"=", "<>", ">", ">=", "<", "<="}[
                    random.nextInt(6)] + " " + expression(random, depth - 1);
            default -> call(FUNCTIONS.get(random.nextInt(FUNCTIONS.size())), random, depth - 1);
        };
    }

    private static String call(FunctionSpec function, Random random, int depth) {
        if (function.name().equals(FunctionLibrary.SELECT_UNIQUE_VALUE)) {
            return "[a]";
        }
        int count = function.minimumArguments() + random.nextInt(3);
        count = Math.min(count, function.maximumArguments());
        if (function.name().equals("Switch") && count % 2 == 1) {
            count++;
        }
        List<String> arguments = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ParameterSpec parameter = function.layout().parameterAt(function, Math.min(i, function.parameters().size() - 1),
                    List.of());
            boolean omit = !parameter.required() && random.nextInt(4) == 0;
            arguments.add(omit ? "" : expression(random, depth));
        }
        return function.name() + "(" + String.join(", ", arguments) + ")";
    }
}

package org.opensync.mapping.expression;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.opensync.mapping.model.AttributeType;
import org.opensync.mapping.value.AttributeKey;
import org.opensync.mapping.value.BooleanValue;
import org.opensync.mapping.value.Value;

/**
 * Conditionals and predicates: IIF, Switch, Coalesce, IgnoreFlowIfNullOrEmpty, CBool, Not, IsNull, IsNothing,
 * IsNullOrEmpty, IsPresent, IsString, Error. IIF, Switch and Coalesce evaluate only the arguments they need.
 */
final class LogicFunctions {
    private LogicFunctions() {
    }

    static List<FunctionSpec> functions() {
        return List.of(
                FunctionSpec.define("IIF").required("condition", AttributeType.Boolean).required("valueIfTrue")
                        .required("valueIfFalse").binder(LogicFunctions::bindIif),
                FunctionSpec.define("Switch").required("source").optional("defaultValue")
                        .repeating("switchValue", AttributeType.String, false).binder(LogicFunctions::bindSwitch),
                FunctionSpec.define("Coalesce").repeating("source", AttributeType.String, true).optional("defaultValue")
                        .sourcesThenDefault().binder(LogicFunctions::bindCoalesce),
                FunctionSpec.define("IgnoreFlowIfNullOrEmpty").required("Expression").body((call, ctx) -> {
                    Value value = call.value(0, ctx);
                    if (value.isNullOrEmpty()) {
                        throw FlowControlSignal.IGNORE_ATTRIBUTE;
                    }
                    return value;
                }),
                FunctionSpec.define("CBool").required("Expression")
                        .body((call, ctx) -> BooleanValue.of(Coercions.truth(call.value(0, ctx), call.name()))),
                FunctionSpec.define("Not").required("source", AttributeType.Boolean).body((call, ctx) -> {
                    String text = call.text(0, ctx);
                    return BooleanValue.of(text == null || !text.strip().equalsIgnoreCase("True"));
                }),
                predicate("IsNull", "Expression", AttributeType.String, Value::isNull),
                predicate("IsNothing", "source", AttributeType.Boolean, Value::isNull),
                predicate("IsNullOrEmpty", "Expression", AttributeType.String, Value::isNullOrEmpty),
                predicate("IsPresent", "Expression", AttributeType.String, value -> !value.isNullOrEmpty()),
                predicate("IsString", "Expression", AttributeType.String,
                        value -> !value.isNull() && !value.isMultiValued()),
                FunctionSpec.define("Error").required("ErrorMessage")
                        .body((call, ctx) -> {
                            throw new EvaluationException(call.textOrEmpty(0, ctx));
                        }));
    }

    private interface ValueTest {
        boolean test(Value value);
    }

    /** GFUN types IsNothing's parameter Boolean; FREF's predicates take any expression. */
    private static FunctionSpec predicate(String name, String parameter, AttributeType type, ValueTest test) {
        return FunctionSpec.define(name).required(parameter, type)
                .body((call, ctx) -> BooleanValue.of(test.test(call.value(0, ctx))));
    }

    /** Lazy: only the chosen branch is evaluated. See {@link EvaluationEnvironment#legacyNullConditions()}. */
    private static FunctionBody bindIif(List<Expr> arguments) {
        Set<String> names = new LinkedHashSet<>();
        Expr.collectAttributes(arguments.get(0), names);
        AttributeKey[] conditionAttributes = names.stream().map(AttributeKey::of).toArray(AttributeKey[]::new);
        return (call, ctx) -> {
            if (ctx.environment().legacyNullConditions()) {
                for (AttributeKey attribute : conditionAttributes) {
                    if (ctx.source().get(attribute).isNullOrEmpty()) {
                        throw FlowControlSignal.IGNORE_ATTRIBUTE;
                    }
                }
            }
            return call.value(Coercions.truth(call.value(0, ctx), call.name()) ? 1 : 2, ctx);
        };
    }

    /**
     * Keys compare ordinally and case-sensitively; an empty key also matches a null source. Keys are evaluated in
     * order until one matches, and only the matching value (or the default) is evaluated.
     */
    private static FunctionBody bindSwitch(List<Expr> arguments) {
        if (arguments.size() % 2 != 0) {
            throw new InvalidExpressionException("Switch needs its keys and values in pairs after source and "
                    + "defaultValue, but " + (arguments.size() - 2) + " were given");
        }
        return (call, ctx) -> {
            String source = call.text(0, ctx);
            for (int key = 2; key < call.count(); key += 2) {
                String candidate = call.textOrEmpty(key, ctx);
                if (candidate.isEmpty() ? source == null || source.isEmpty() : candidate.equals(source)) {
                    return call.value(key + 1, ctx);
                }
            }
            return call.value(1, ctx);
        };
    }

    /** First source that is not null (empty strings are values); then the literal default, if any. */
    private static FunctionBody bindCoalesce(List<Expr> arguments) {
        int last = arguments.size() - 1;
        boolean hasDefault = last > 0 && arguments.get(last).isLiteral();
        int sources = hasDefault ? last : arguments.size();
        return (call, ctx) -> {
            for (int i = 0; i < sources; i++) {
                Value value = call.value(i, ctx);
                if (!value.isNull()) {
                    return value;
                }
            }
            return hasDefault ? call.value(last, ctx) : Value.NULL;
        };
    }
}

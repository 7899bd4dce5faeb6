package org.opensync.mapping.expression;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.opensync.mapping.model.AttributeType;
import org.opensync.mapping.value.IntegerValue;
import org.opensync.mapping.value.Value;

/** Multi-value functions: Join, Split, Item, Count, RemoveDuplicates, Contains, SelectUniqueValue. */
final class CollectionFunctions {
    private CollectionFunctions() {
    }

    static List<FunctionSpec> functions() {
        return List.of(
                FunctionSpec.define("Join").required("separator").repeating("source", AttributeType.String, true)
                        .body(CollectionFunctions::join),
                FunctionSpec.define("Split").required("source").optional("delimiter").body(CollectionFunctions::split),
                FunctionSpec.define("Item").required("attribute").required("index", AttributeType.Integer)
                        .body(CollectionFunctions::item),
                FunctionSpec.define("Count").required("attribute")
                        .body((call, ctx) -> new IntegerValue(call.value(0, ctx).size())),
                FunctionSpec.define("RemoveDuplicates").required("attribute").body((call, ctx) -> {
                    Value value = call.value(0, ctx);
                    return value.isMultiValued() ? Value.of(new LinkedHashSet<>(value.strings())) : value;
                }),
                FunctionSpec.define("Contains").required("attribute").required("value")
                        .body(CollectionFunctions::contains),
                FunctionSpec.define(FunctionLibrary.SELECT_UNIQUE_VALUE)
                        .repeating("uniqueValueRule", AttributeType.String, true).minimumArguments(2)
                        .body(CollectionFunctions::selectUniqueValue));
    }

    /** Null and empty values are skipped; every value of a multi-valued source contributes. */
    private static Value join(CallNode call, EvaluationContext ctx) throws EvaluationSignal {
        String separator = call.textOrEmpty(0, ctx);
        StringBuilder joined = new StringBuilder();
        boolean first = true;
        for (int i = 1; i < call.count(); i++) {
            Value value = call.value(i, ctx);
            if (value.isMultiValued()) {
                for (String part : value.strings()) {
                    first = append(call, ctx, joined, separator, part, first);
                }
            } else if (!value.isNull()) {
                first = append(call, ctx, joined, separator, value.text(), first);
            }
        }
        return Value.text(joined.toString());
    }

    private static boolean append(CallNode call, EvaluationContext ctx, StringBuilder joined, String separator,
            String part, boolean first) throws EvaluationException {
        if (part.isEmpty()) {
            return first;
        }
        ctx.requireLength((long) joined.length() + separator.length() + part.length(), call.name());
        if (!first) {
            joined.append(separator);
        }
        joined.append(part);
        return false;
    }

    /** Ordinal split keeping empty parts and without trimming [design]; no delimiter means nothing to split on. */
    private static Value split(CallNode call, EvaluationContext ctx) throws EvaluationSignal {
        String source = call.text(0, ctx);
        String delimiter = call.text(1, ctx);
        if (source == null || delimiter == null || delimiter.isEmpty()) {
            return Value.text(source);
        }
        List<String> parts = new ArrayList<>();
        int from = 0;
        int at;
        while ((at = source.indexOf(delimiter, from)) >= 0) {
            parts.add(source.substring(from, at));
            from = at + delimiter.length();
        }
        parts.add(source.substring(from));
        return Value.of(parts);
    }

    /** 1-based; a single value is a one-element list; null stays null; out of range is an error (CSREF). */
    private static Value item(CallNode call, EvaluationContext ctx) throws EvaluationSignal {
        Value values = call.value(0, ctx);
        long index = call.integer(1, ctx);
        if (values.isNull()) {
            return Value.NULL;
        }
        if (index < 1 || index > values.size()) {
            throw call.error("index " + index + " is out of range: the attribute has " + values.size()
                    + " value(s) and indexes start at 1");
        }
        return values.isMultiValued() ? Value.text(values.strings().get((int) index - 1)) : values;
    }

    /**
     * 1-based index of the first value that starts with the text, 0 when none. Prefix matching follows MIM's
     * Contains (used as {@code Item([proxyAddresses], Contains([proxyAddresses], "SMTP:"))}); unconfirmed for Entra.
     */
    private static Value contains(CallNode call, EvaluationContext ctx) throws EvaluationSignal {
        List<String> values = call.value(0, ctx).strings();
        String wanted = call.text(1, ctx);
        if (wanted != null) {
            for (int i = 0; i < values.size(); i++) {
                if (values.get(i).startsWith(wanted)) {
                    return new IntegerValue(i + 1L);
                }
            }
        }
        return new IntegerValue(0);
    }

    /** The first non-empty candidate the target does not already hold; all taken is an object-level error. */
    private static Value selectUniqueValue(CallNode call, EvaluationContext ctx) throws EvaluationSignal {
        UniqueValueCheck check = ctx.environment().uniqueValues();
        int tried = 0;
        for (int i = 0; i < call.count(); i++) {
            String candidate = call.text(i, ctx);
            if (candidate == null || candidate.isEmpty()) {
                continue;
            }
            tried++;
            if (!check.isTaken(ctx.targetAttributeName(), candidate)) {
                return Value.text(candidate);
            }
        }
        throw call.error("all " + tried + " candidate values are already in use in the target");
    }
}

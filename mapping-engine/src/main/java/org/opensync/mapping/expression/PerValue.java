package org.opensync.mapping.expression;

import java.util.ArrayList;
import java.util.List;
import org.opensync.mapping.value.Value;

/**
 * Applies a character-level transformation to every value of the source argument, so {@code ToLower} or
 * {@code Trim} of a multi-valued attribute transforms each value (CSREF documents this for {@code Trim}); null stays
 * null.
 */
final class PerValue {
    @FunctionalInterface
    interface Transformation {
        String apply(String value) throws EvaluationException;
    }

    private PerValue() {
    }

    static Value map(Value source, Transformation transformation) throws EvaluationException {
        if (source.isNull()) {
            return Value.NULL;
        }
        if (!source.isMultiValued()) {
            return Value.text(transformation.apply(source.text()));
        }
        List<String> values = source.strings();
        List<String> transformed = new ArrayList<>(values.size());
        for (String value : values) {
            transformed.add(transformation.apply(value));
        }
        return Value.of(transformed);
    }
}

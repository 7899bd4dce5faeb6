package org.opensync.mapping.value;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Conversion of JSON scalars and arrays to expression values. */
final class JsonValues {
    private JsonValues() {
    }

    static Value toValue(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return Value.NULL;
        }
        if (node.isArray()) {
            List<String> values = new ArrayList<>(node.size());
            node.forEach(element -> {
                if (!element.isNull()) {
                    values.add(scalarText(element));
                }
            });
            return Value.of(values);
        }
        if (node.isBoolean()) {
            return BooleanValue.of(node.booleanValue());
        }
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            return new IntegerValue(node.longValue());
        }
        return new TextValue(scalarText(node));
    }

    /** Booleans take the expression language's rendering so that {@code [primary eq "True"]} filters line up. */
    static String scalarText(JsonNode node) {
        if (node.isBoolean()) {
            return node.booleanValue() ? "True" : "False";
        }
        return node.isValueNode() ? node.asText() : node.toString();
    }
}

package org.opensync.mapping.value;

import java.util.ArrayList;
import java.util.List;
import org.opensync.mapping.model.AttributeType;

/**
 * Conversion of computed values to a target attribute's declared type, so exporters can send JSON booleans and
 * numbers: Boolean targets accept {@code True}/{@code False} in any case, Integer targets 64-bit integers; other
 * types keep the value as computed.
 */
public final class TypedValues {
    private TypedValues() {
    }

    /** @throws IllegalArgumentException naming the value that does not fit the type */
    public static Value coerce(Value value, AttributeType type) {
        if (value.isNull() || (type != AttributeType.Boolean && type != AttributeType.Integer)) {
            return value;
        }
        if (!value.isMultiValued()) {
            return single(value, type);
        }
        List<String> converted = new ArrayList<>(value.size());
        for (String element : value.strings()) {
            converted.add(single(new TextValue(element), type).text());
        }
        return Value.of(converted);
    }

    private static Value single(Value value, AttributeType type) {
        if (type == AttributeType.Boolean) {
            if (value instanceof BooleanValue) {
                return value;
            }
            String text = value.text().strip();
            if (text.equalsIgnoreCase("True") || text.equalsIgnoreCase("False")) {
                return BooleanValue.of(text.equalsIgnoreCase("True"));
            }
            throw new IllegalArgumentException("'" + value.text() + "' is not a Boolean (True or False)");
        }
        if (value instanceof IntegerValue) {
            return value;
        }
        try {
            return new IntegerValue(Long.parseLong(value.text().strip()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + value.text() + "' is not an Integer");
        }
    }
}

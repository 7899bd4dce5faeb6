package org.opensync.connectors.scim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/** Target image values (String, Boolean, Long, List) to and from JSON, and their comparison. */
final class ScimValues {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ScimValues() {
    }

    /**
     * A body as UTF-8 JSON, written straight as bytes: {@code toString()} writes through a character writer into a
     * string the HTTP client then encodes again.
     */
    static byte[] utf8(JsonNode body) {
        try {
            return JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("a JSON tree could not be written", e);
        }
    }

    static JsonNode toJson(Object value) {
        if (value instanceof String text) {
            return NODES.textNode(text);
        }
        if (value instanceof Boolean flag) {
            return NODES.booleanNode(flag);
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short) {
            long number = ((Number) value).longValue();
            // Smallest node type, so bodies compare equal to parsed JSON (IntNode) when the digits are equal.
            return number == (int) number ? NODES.numberNode((int) number) : NODES.numberNode(number);
        }
        if (value instanceof Collection<?> values) {
            ArrayNode array = NODES.arrayNode();
            values.stream().filter(Objects::nonNull).map(ScimValues::toJson).forEach(array::add);
            return array;
        }
        throw new IllegalArgumentException("target values are String, Boolean, Long or List, not "
                + (value == null ? "null" : value.getClass().getSimpleName()));
    }

    /** {@code active} is Boolean whether the mapping produced true or "True" (the default Switch expression does). */
    static Object normalize(TargetAttribute attribute, Object value) {
        if (attribute.isActive() && value instanceof String text) {
            if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
                return Boolean.parseBoolean(text);
            }
            throw new IllegalArgumentException("active must be true or false, not \"" + text + "\"");
        }
        if (value instanceof Integer || value instanceof Short) {
            return ((Number) value).longValue();
        }
        return value;
    }

    static boolean absent(Object value) {
        return value == null || (value instanceof Collection<?> values && values.isEmpty());
    }

    /** Multi-valued attributes compare as sets: targets need not keep the order we sent. */
    static boolean same(Object a, Object b) {
        if (a instanceof Collection<?> left && b instanceof Collection<?> right) {
            return new HashSet<>(left).equals(new HashSet<>(right));
        }
        return Objects.equals(a, b);
    }

    /** Scalars as Java values; arrays as lists of their scalars or of their elements' {@code value}. */
    static Object fromJson(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isTextual()) {
            return node.asText();
        }
        if (node.isBoolean()) {
            return node.asBoolean();
        }
        if (node.isIntegralNumber()) {
            return node.asLong();
        }
        if (node.isNumber()) {
            return node.asText();
        }
        if (node.isArray()) {
            List<Object> values = new ArrayList<>();
            node.forEach(element -> {
                Object value = element.isObject() ? fromJson(field(element, "value")) : fromJson(element);
                if (value != null) {
                    values.add(value);
                }
            });
            return values;
        }
        return null;
    }

    /** SCIM attribute names are case-insensitive (RFC 7643 §2.1). */
    static JsonNode field(JsonNode object, String name) {
        if (object == null || !object.isObject()) {
            return null;
        }
        JsonNode exact = object.get(name);
        if (exact != null) {
            return exact;
        }
        var names = object.fieldNames();
        while (names.hasNext()) {
            String candidate = names.next();
            if (candidate.equalsIgnoreCase(name)) {
                return object.get(candidate);
            }
        }
        return null;
    }
}

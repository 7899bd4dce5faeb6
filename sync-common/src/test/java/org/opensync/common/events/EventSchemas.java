package org.opensync.common.events;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.type.TypeFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON Schemas of the event records as Jackson serialises them: the properties Jackson writes (record components,
 * {@code type} and {@code version}, never {@code @JsonIgnore}d ones) with their JSON types, nested records inline.
 * docs/asyncapi.yaml is checked against these (and can be rewritten from them, see {@link AsyncApiDocumentTest}).
 */
final class EventSchemas {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private EventSchemas() {
    }

    /** The schema of a record class, as an ordered map ready to be written as YAML. */
    static Map<String, Object> of(Class<?> type) {
        return schema(TypeFactory.defaultInstance().constructType(type));
    }

    private static Map<String, Object> schema(JavaType type) {
        Class<?> raw = type.getRawClass();
        Map<String, Object> schema = new LinkedHashMap<>();
        if (raw == String.class) {
            schema.put("type", "string");
        } else if (raw == Instant.class) {
            schema.put("type", "string");
            schema.put("format", "date-time");
        } else if (raw == Duration.class) {
            schema.put("type", "string");
            schema.put("format", "duration");
        } else if (raw == int.class || raw == long.class || raw == Integer.class || raw == Long.class) {
            schema.put("type", "integer");
        } else if (raw == double.class || raw == Double.class) {
            schema.put("type", "number");
        } else if (raw == boolean.class || raw == Boolean.class) {
            schema.put("type", "boolean");
        } else if (raw.isEnum()) {
            schema.put("type", "string");
            schema.put("enum", Arrays.stream(raw.getEnumConstants()).map(Object::toString).toList());
        } else if (type.isMapLikeType()) {
            schema.put("type", "object");
            schema.put("additionalProperties", schema(type.getContentType()));
        } else if (Collection.class.isAssignableFrom(raw)) {
            schema.put("type", "array");
            schema.put("items", schema(type.getContentType()));
        } else if (raw == Object.class || JsonNode.class.isAssignableFrom(raw)) {
            schema.put("description", "any JSON value");
        } else {
            BeanDescription bean = MAPPER.getSerializationConfig().introspect(type);
            Map<String, Object> properties = new LinkedHashMap<>();
            List<String> primitives = new ArrayList<>();
            for (BeanPropertyDefinition property : bean.findProperties()) {
                properties.put(property.getName(), schema(property.getPrimaryType()));
                if (property.getRawPrimaryType().isPrimitive()) {
                    primitives.add(property.getName());
                }
            }
            schema.put("type", "object");
            if (!primitives.isEmpty()) {
                schema.put("required", primitives);
            }
            schema.put("properties", properties);
        }
        return schema;
    }
}

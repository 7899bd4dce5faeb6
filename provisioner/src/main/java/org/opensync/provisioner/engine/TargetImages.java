package org.opensync.provisioner.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.opensync.mapping.apply.AttributeChange;
import org.opensync.mapping.model.AttributeDefinition;
import org.opensync.mapping.model.AttributeType;
import org.opensync.mapping.value.ObjectImage;
import org.opensync.mapping.value.Value;

/**
 * Target images as the SCIM client takes them: attribute name to String, Boolean, Long or a list of strings,
 * typed by the target attribute definition.
 */
final class TargetImages {
    private static final ObjectMapper JSON = new ObjectMapper();

    private TargetImages() {
    }

    /** The exported image as the mapping engine reads a current target. */
    static ObjectImage asObjectImage(Map<String, Object> image) {
        Map<String, JsonNode> properties = new LinkedHashMap<>();
        image.forEach((name, value) -> properties.put(name, JSON.valueToTree(value)));
        return ObjectImage.fromJsonProperties(properties);
    }

    /** {@code current} with the mapping's changes applied; reference attributes are left to the caller. */
    static Map<String, Object> apply(Map<String, Object> current, List<AttributeChange> changes, ObjectPlan plan) {
        Map<String, Object> desired = new LinkedHashMap<>(current);
        for (AttributeChange change : changes) {
            String name = change.targetAttributeName();
            if (plan.isReference(name)) {
                continue;
            }
            AttributeDefinition definition = plan.targetAttribute(name).orElse(null);
            switch (change.kind()) {
                case CLEAR -> desired.remove(name);
                case SET -> put(desired, name, typed(change.value(), definition));
                case ADD_VALUES -> put(desired, name, union(desired.get(name), change.value().strings()));
            }
        }
        return desired;
    }

    private static void put(Map<String, Object> image, String name, Object value) {
        if (value == null) {
            image.remove(name);
        } else {
            image.put(name, value);
        }
    }

    private static Object typed(Value value, AttributeDefinition definition) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (definition != null && definition.multivalued()) {
            return value.strings();
        }
        if (value.isMultiValued()) {
            return value.strings();
        }
        AttributeType type = definition == null ? AttributeType.String : definition.type();
        String text = value.text();
        return switch (type) {
            case Boolean -> Boolean.parseBoolean(text.trim());
            case Integer -> parseLong(text);
            default -> text;
        };
    }

    private static Object parseLong(String text) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            return text;
        }
    }

    private static List<String> union(Object existing, List<String> added) {
        Set<String> values = new LinkedHashSet<>();
        if (existing instanceof List<?> list) {
            list.forEach(v -> values.add(String.valueOf(v)));
        } else if (existing != null) {
            values.add(existing.toString());
        }
        values.addAll(added);
        return new ArrayList<>(values);
    }
}

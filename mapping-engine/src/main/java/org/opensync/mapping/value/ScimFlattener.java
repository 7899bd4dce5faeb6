package org.opensync.mapping.value;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Flattens a SCIM resource into mapping attribute names (see {@link ObjectImage#fromScim}). */
final class ScimFlattener {
    /** Sub-attributes that mappings use in value filters. */
    private static final List<String> FILTER_SUB_ATTRIBUTES = List.of("type", "primary");

    private final Map<String, List<JsonNode>> collected = new LinkedHashMap<>();

    private ScimFlattener() {
    }

    static ObjectImage flatten(JsonNode resource) {
        ScimFlattener flattener = new ScimFlattener();
        if (resource != null && resource.isObject()) {
            resource.properties().forEach(field -> {
                boolean extension = field.getKey().startsWith("urn:") && field.getValue().isObject();
                if (extension) {
                    flattener.complex(field.getKey(), ":", field.getValue());
                } else {
                    flattener.attribute(field.getKey(), field.getValue());
                }
            });
        }
        ObjectImage.Builder builder = ObjectImage.builder();
        flattener.collected.forEach((name, nodes) -> builder.put(name, toValue(nodes)));
        return builder.build();
    }

    private static Value toValue(List<JsonNode> nodes) {
        if (nodes.size() == 1) {
            return JsonValues.toValue(nodes.get(0));
        }
        List<String> texts = new ArrayList<>(nodes.size());
        nodes.forEach(node -> texts.add(JsonValues.scalarText(node)));
        return Value.of(texts);
    }

    private void attribute(String name, JsonNode value) {
        if (value.isNull()) {
            return;
        }
        if (value.isObject()) {
            complex(name, ".", value);
            JsonNode inner = value.get("value");
            if (inner != null && inner.isValueNode() && !inner.isNull()) {
                add(name, inner);
            }
        } else if (value.isArray()) {
            value.forEach(element -> arrayElement(name, element));
        } else {
            add(name, value);
        }
    }

    private void complex(String prefix, String separator, JsonNode object) {
        object.properties().forEach(field -> attribute(prefix + separator + field.getKey(), field.getValue()));
    }

    private void arrayElement(String name, JsonNode element) {
        if (element.isNull()) {
            return;
        }
        if (!element.isObject()) {
            add(name, element);
            return;
        }
        JsonNode inner = element.get("value");
        if (inner != null && inner.isValueNode() && !inner.isNull()) {
            add(name, inner);
        }
        element.properties().forEach(sub -> {
            if (sub.getValue().isValueNode() && !sub.getValue().isNull()) {
                add(name + "." + sub.getKey(), sub.getValue());
            }
        });
        for (String filterAttribute : FILTER_SUB_ATTRIBUTES) {
            JsonNode discriminator = element.get(filterAttribute);
            if (discriminator != null && discriminator.isValueNode() && !discriminator.isNull()) {
                String filtered = name + "[" + filterAttribute + " eq \"" + JsonValues.scalarText(discriminator) + "\"]";
                element.properties().forEach(sub -> {
                    if (sub.getValue().isValueNode() && !sub.getValue().isNull()) {
                        add(filtered + "." + sub.getKey(), sub.getValue());
                    }
                });
            }
        }
    }

    private void add(String name, JsonNode scalar) {
        collected.computeIfAbsent(name, key -> new ArrayList<>(1)).add(scalar);
    }
}

package org.opensync.connectors.scim;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
  * Reads the values of Entra-style target attribute names out of a SCIM resource, so the provisioner can diff them
  * with what it would send. Names match case-insensitively; absent values are left out of the map. {@code manager}
  * is read as an id whichever way the target renders it (bare string, {@code {"value":id}}, or a one-element array),
  * {@code members} as the list of member ids, {@code active} as a Boolean also when the target answers a string.
  */
public final class TargetImageReader {

    private TargetImageReader() {
    }

    public static Map<String, Object> read(JsonNode resource, Collection<String> names) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (String name : names) {
            TargetAttribute attribute = TargetAttribute.parse(name);
            Object value = value(attribute, locate(resource, attribute));
            if (!ScimValues.absent(value)) {
                values.put(name, ScimValues.normalize(attribute, value));
            }
        }
        return values;
    }

    private static JsonNode locate(JsonNode resource, TargetAttribute attribute) {
        return switch (attribute.kind()) {
            case SIMPLE -> ScimValues.field(resource, attribute.attribute());
            case DOTTED -> ScimValues.field(ScimValues.field(resource, attribute.attribute()), attribute.subAttribute());
            case EXTENSION -> {
                JsonNode inner = ScimValues.field(ScimValues.field(resource, attribute.schema()), attribute.attribute());
                yield attribute.subAttribute() == null ? inner : ScimValues.field(inner, attribute.subAttribute());
            }
            case FILTERED -> {
                JsonNode array = ScimValues.field(resource, attribute.attribute());
                JsonNode match = null;
                if (array != null && array.isArray()) {
                    for (JsonNode element : array) {
                        JsonNode discriminator = ScimValues.field(element, attribute.filterAttribute());
                        if (discriminator != null && discriminator.asText().equalsIgnoreCase(attribute.filterValue())) {
                            match = element;
                            break;
                        }
                    }
                }
                yield ScimValues.field(match, attribute.subAttribute());
            }
        };
    }

    private static Object value(TargetAttribute attribute, JsonNode node) {
        if (attribute.isManager() && node != null) {
            JsonNode reference = node.isArray() && node.size() > 0 ? node.get(0) : node;
            return ScimValues.fromJson(reference.isObject() ? ScimValues.field(reference, "value") : reference);
        }
        return ScimValues.fromJson(node);
    }
}

package org.opensync.sandbox.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/**
  * Brings what clients send into the shape the schema declares, without touching the values themselves: Entra sends
  * {@code active} as "True"/"False" strings and {@code manager} as a bare id (or a one-element array in the legacy
  * form), which become a boolean and {@code {"value": id}}. Strings are never reformatted.
  */
final class ResourceNormalizer {

    private final AttributeScope scope;

    ResourceNormalizer(AttributeScope scope) {
        this.scope = scope;
    }

    void normalize(ObjectNode resource) {
        ScimJson.removeNulls(resource);
        normalizeContainer(resource, null);
        ArrayNode schemas = resource.has("schemas") && resource.get("schemas").isArray()
                ? (ArrayNode) resource.get("schemas") : resource.putArray("schemas");
        if (!listed(schemas, scope.type().coreSchema())) {
            schemas.insert(0, scope.type().coreSchema());
        }
        for (String name : fieldNames(resource)) {
            if (scope.schemas().isSchemaUrn(scope.type(), name) && resource.get(name).isObject()) {
                normalizeContainer((ObjectNode) resource.get(name), name);
                if (!listed(schemas, name)) {
                    schemas.add(name);
                }
            }
        }
    }

    private void normalizeContainer(ObjectNode container, String urn) {
        for (String name : fieldNames(container)) {
            AttributeDefinition definition = scope.schemas().definition(scope.type(), urn, name);
            if (definition != null) {
                container.set(name, coerce(definition, container.get(name)));
            }
        }
    }

    private static JsonNode coerce(AttributeDefinition definition, JsonNode value) {
        if (definition.multiValued()) {
            ArrayNode elements = ScimJson.NODES.arrayNode();
            ScimJson.asArray(value).forEach(element -> elements.add(coerceSingle(definition, element)));
            return elements;
        }
        return coerceSingle(definition, value.isArray() && value.size() == 1 ? value.get(0) : value);
    }

    private static JsonNode coerceSingle(AttributeDefinition definition, JsonNode value) {
        if (definition.isBoolean() && value.isTextual()
                && (value.asText().equalsIgnoreCase("true") || value.asText().equalsIgnoreCase("false"))) {
            return ScimJson.NODES.booleanNode(Boolean.parseBoolean(value.asText()));
        }
        if (definition.isComplex() && value.isValueNode()) {
            return ScimJson.NODES.objectNode().set("value", value);
        }
        if (definition.isComplex() && value instanceof ObjectNode object) {
            for (String name : fieldNames(object)) {
                AttributeDefinition sub = definition.sub(name);
                if (sub != null && !sub.isComplex()) {
                    object.set(name, coerceSingle(sub, object.get(name)));
                }
            }
        }
        return value;
    }

    private static boolean listed(ArrayNode schemas, String urn) {
        for (JsonNode existing : schemas) {
            if (existing.asText().equalsIgnoreCase(urn)) {
                return true;
            }
        }
        return false;
    }

    private static List<String> fieldNames(ObjectNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}

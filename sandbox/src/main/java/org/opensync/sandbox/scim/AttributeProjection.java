package org.opensync.sandbox.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/**
  * The {@code attributes} / {@code excludedAttributes} parameters (RFC 7644 §3.9). {@code id} and {@code schemas}
  * are always returned, {@code password} never. Without parameters the stored node is returned as is: the common
  * case copies nothing.
  */
final class AttributeProjection {

    private static final String PASSWORD = "password";

    private final AttributeScope scope;
    private final List<AttributePath> included;
    private final List<AttributePath> excluded;

    private AttributeProjection(AttributeScope scope, List<AttributePath> included, List<AttributePath> excluded) {
        this.scope = scope;
        this.included = included;
        this.excluded = excluded;
    }

    static AttributeProjection of(AttributeScope scope, String attributes, String excludedAttributes) {
        return new AttributeProjection(scope, paths(scope, attributes), paths(scope, excludedAttributes));
    }

    ObjectNode apply(ObjectNode resource) {
        if (!included.isEmpty()) {
            return include(resource);
        }
        if (excluded.isEmpty() && !resource.has(PASSWORD)) {
            return resource;
        }
        ObjectNode copy = resource.deepCopy();
        copy.remove(PASSWORD);
        excluded.forEach(path -> exclude(copy, path));
        return copy;
    }

    private ObjectNode include(ObjectNode resource) {
        ObjectNode result = ScimJson.NODES.objectNode();
        result.set("schemas", resource.get("schemas"));
        result.set("id", resource.get("id"));
        for (AttributePath path : included) {
            if (path.attribute() == null) {
                copyIfPresent(resource, result, path.urn());
                continue;
            }
            if (path.attribute().equalsIgnoreCase(PASSWORD)) {
                continue;
            }
            String urn = scope.containerUrn(path);
            JsonNode source = urn == null ? resource : ScimJson.field(resource, urn);
            String key = ScimJson.key(source, path.attribute());
            if (key == null) {
                continue;
            }
            ObjectNode target = urn == null ? result : objectAt(result, ScimJson.key(resource, urn));
            if (path.subAttribute() == null) {
                target.set(key, source.get(key));
            } else {
                target.set(key, onlySubAttribute(source.get(key), target.get(key), path.subAttribute()));
            }
        }
        return result;
    }

    /** Keeps one sub-attribute of a complex value, adding to what an earlier path already kept. */
    private static JsonNode onlySubAttribute(JsonNode value, JsonNode keptSoFar, String sub) {
        if (value instanceof ArrayNode elements) {
            ArrayNode kept = keptSoFar instanceof ArrayNode array ? array : ScimJson.NODES.arrayNode();
            for (int i = 0; i < elements.size(); i++) {
                ObjectNode element = i < kept.size() ? (ObjectNode) kept.get(i) : kept.addObject();
                copyIfPresent(elements.get(i), element, sub);
            }
            return kept;
        }
        ObjectNode kept = keptSoFar instanceof ObjectNode object ? object : ScimJson.NODES.objectNode();
        copyIfPresent(value, kept, sub);
        return kept;
    }

    private void exclude(ObjectNode resource, AttributePath path) {
        if (path.attribute() == null) {
            remove(resource, path.urn());
            return;
        }
        if (path.attribute().equalsIgnoreCase("id") || path.attribute().equalsIgnoreCase("schemas")) {
            return;
        }
        String urn = scope.containerUrn(path);
        JsonNode container = urn == null ? resource : ScimJson.field(resource, urn);
        if (path.subAttribute() == null) {
            remove(container, path.attribute());
            return;
        }
        ScimJson.flatten(ScimJson.field(container, path.attribute()))
                .forEach(element -> remove(element, path.subAttribute()));
    }

    private static ObjectNode objectAt(ObjectNode parent, String key) {
        return parent.get(key) instanceof ObjectNode existing ? existing : parent.putObject(key);
    }

    private static void copyIfPresent(JsonNode source, ObjectNode target, String name) {
        String key = ScimJson.key(source, name);
        if (key != null) {
            target.set(key, source.get(key));
        }
    }

    private static void remove(JsonNode container, String name) {
        String key = ScimJson.key(container, name);
        if (key != null) {
            ((ObjectNode) container).remove(key);
        }
    }

    private static List<AttributePath> paths(AttributeScope scope, String list) {
        List<AttributePath> paths = new ArrayList<>();
        if (list == null || list.isBlank()) {
            return paths;
        }
        for (String name : list.split(",")) {
            try {
                paths.add(scope.parse(name));
            } catch (IllegalArgumentException e) {
                throw ScimException.badRequest("invalidValue", e.getMessage());
            }
        }
        return paths;
    }
}

package org.opensync.sandbox.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
  * Applies a PatchOp (RFC 7644 §3.5.2) to a copy of a resource, accepting what Entra-style clients send beyond the
  * RFC: ops in any case, remove-member with {@code path:"members"} plus a value array, and add/replace on a
  * value-filter path that matches nothing, which creates the element (e.g. the first work address).
  */
final class PatchApplier {

    private enum Op { ADD, REPLACE, REMOVE }

    private final AttributeScope scope;

    PatchApplier(AttributeScope scope) {
        this.scope = scope;
    }

    void apply(ObjectNode resource, JsonNode patchRequest) {
        JsonNode operations = ScimJson.field(patchRequest, "Operations");
        if (operations == null || !operations.isArray() || operations.isEmpty()) {
            throw ScimException.badRequest("invalidSyntax", "a PatchOp needs a non-empty \"Operations\" array");
        }
        for (JsonNode operation : operations) {
            applyOperation(resource, operation);
        }
    }

    private void applyOperation(ObjectNode resource, JsonNode operation) {
        Op op = op(ScimJson.field(operation, "op"));
        JsonNode path = ScimJson.field(operation, "path");
        JsonNode value = ScimJson.field(operation, "value");
        if (path != null && !path.isNull() && !path.asText().isBlank()) {
            apply(resource, op, PatchPath.parse(path.asText(), scope), value);
            return;
        }
        if (op == Op.REMOVE) {
            throw ScimException.badRequest("noTarget", "remove needs a path");
        }
        if (value == null || !value.isObject()) {
            throw ScimException.badRequest("invalidValue", "without a path, the value must be an object of attributes");
        }
        // Keys may themselves be paths: "name.givenName", "urn:…:User:department", or a whole extension URN.
        value.properties().forEach(e -> apply(resource, op, PatchPath.parse(e.getKey(), scope), e.getValue()));
    }

    private void apply(ObjectNode resource, Op op, PatchPath path, JsonNode value) {
        if (op != Op.REMOVE && (value == null || value.isNull())) {
            throw ScimException.badRequest("invalidValue", op.name().toLowerCase(Locale.ROOT) + " needs a value");
        }
        AttributePath attribute = path.attribute();
        if (attribute.attribute() == null) {
            applyToExtension(resource, op, attribute.urn(), value);
            return;
        }
        if (isReadOnly(attribute.attribute())) {
            throw ScimException.badRequest("mutability", attribute.attribute() + " cannot be modified");
        }
        ObjectNode container = container(resource, scope.containerUrn(attribute), op != Op.REMOVE);
        if (container == null) {
            return;
        }
        String key = keyFor(container, attribute.attribute());
        AttributeDefinition definition = scope.definition(attribute);
        if (path.valueFilter() != null) {
            applyFiltered(container, key, definition, op, path, value);
        } else if (attribute.subAttribute() != null) {
            applySubAttribute(container, key, op, attribute.subAttribute(), value);
        } else {
            applyWhole(container, key, definition, op, value);
        }
    }

    private void applyToExtension(ObjectNode resource, Op op, String urn, JsonNode value) {
        if (op == Op.REMOVE) {
            String key = ScimJson.key(resource, urn);
            if (key != null) {
                resource.remove(key);
            }
            return;
        }
        if (!value.isObject()) {
            throw ScimException.badRequest("invalidValue", "the value for " + urn + " must be an object");
        }
        value.properties().forEach(e ->
                apply(resource, op, new PatchPath(scope.parse(urn + ":" + e.getKey()), null, null), e.getValue()));
    }

    private static void applyWhole(ObjectNode container, String key, AttributeDefinition definition, Op op,
                                                                  JsonNode value) {
        JsonNode existing = container.get(key);
        boolean multiValued = definition != null ? definition.multiValued()
                : (existing != null && existing.isArray()) || (value != null && value.isArray());
        switch (op) {
            case REMOVE -> {
                if (value != null && !value.isNull() && existing instanceof ArrayNode elements) {
                    removeEquivalent(elements, ScimJson.asArray(value));
                } else {
                    container.remove(key);
                }
            }
            case ADD -> {
                if (multiValued) {
                    ArrayNode elements = existing instanceof ArrayNode array ? array : container.putArray(key);
                    ScimJson.asArray(value).forEach(candidate -> {
                        if (indexOfEquivalent(elements, candidate) < 0) {
                            elements.add(candidate);
                        }
                    });
                } else {
                    setOrMerge(container, key, existing, value);
                }
            }
            case REPLACE -> {
                if (multiValued) {
                    container.set(key, ScimJson.asArray(value));
                } else {
                    setOrMerge(container, key, existing, value);
                }
            }
        }
    }

    /** RFC 7644 §3.5.2.1/3: a complex value merges into the existing one; sub-attributes not sent stay. */
    private static void setOrMerge(ObjectNode container, String key, JsonNode existing, JsonNode value) {
        if (existing instanceof ObjectNode target && value.isObject()) {
            merge(target, value);
        } else {
            container.set(key, value);
        }
    }

    private static void applySubAttribute(ObjectNode container, String key, Op op, String sub, JsonNode value) {
        JsonNode existing = container.get(key);
        List<ObjectNode> targets = new ArrayList<>();
        if (existing instanceof ArrayNode elements) {
            elements.forEach(element -> {
                if (element instanceof ObjectNode object) {
                    targets.add(object);
                }
            });
        } else if (existing instanceof ObjectNode object) {
            targets.add(object);
        } else if (op != Op.REMOVE) {
            targets.add(container.putObject(key));
        }
        for (ObjectNode target : targets) {
            setOrRemove(target, op, sub, value);
        }
        if (existing instanceof ObjectNode object && object.isEmpty()) {
            container.remove(key);
        }
    }

    private void applyFiltered(ObjectNode container, String key, AttributeDefinition definition, Op op,
                                                          PatchPath path, JsonNode value) {
        JsonNode existing = container.get(key);
        ArrayNode elements = existing instanceof ArrayNode array ? array : null;
        AttributeScope elementScope = scope.within(definition);
        List<Integer> matching = new ArrayList<>();
        for (int i = 0; elements != null && i < elements.size(); i++) {
            if (elements.get(i).isObject() && path.valueFilter().matches(elements.get(i), elementScope)) {
                matching.add(i);
            }
        }
        String sub = path.filteredSubAttribute();
        if (op == Op.REMOVE) {
            // Removing what is not there is a no-op: Entra removes members it believes present, and retries.
            for (int i = matching.size() - 1; i >= 0; i--) {
                if (sub == null) {
                    elements.remove(matching.get(i));
                } else {
                    ((ObjectNode) elements.get(matching.get(i))).remove(keyFor(elements.get(matching.get(i)), sub));
                }
            }
            return;
        }
        if (sub == null && !value.isObject()) {
            throw ScimException.badRequest("invalidValue", "the value for a filtered element must be an object");
        }
        if (matching.isEmpty()) {
            if (elements == null) {
                elements = container.putArray(key);
            }
            ObjectNode created = elements.addObject();
            equalities(path.valueFilter()).forEach(created::set);
            matching.add(elements.size() - 1);
        }
        for (int index : matching) {
            ObjectNode element = (ObjectNode) elements.get(index);
            if (sub == null) {
                merge(element, value);
            } else {
                setOrRemove(element, op, sub, value);
            }
        }
    }

    private static void setOrRemove(ObjectNode target, Op op, String sub, JsonNode value) {
        String key = keyFor(target, sub);
        if (op == Op.REMOVE) {
            target.remove(key);
        } else {
            target.set(key, value);
        }
    }

    /** The attribute/value pairs an element must have to match {@code type eq "work" and ...}: seeds a new element. */
    private static Map<String, JsonNode> equalities(Filter filter) {
        Map<String, JsonNode> result = new LinkedHashMap<>();
        if (filter instanceof Filter.Comparison c && c.operator() == Filter.Operator.EQ && c.path().subAttribute() == null
                && !c.literal().isNull()) {
            result.put(c.path().attribute(), c.literal());
        } else if (filter instanceof Filter.And and) {
            result.putAll(equalities(and.left()));
            result.putAll(equalities(and.right()));
        }
        return result;
    }

    private ObjectNode container(ObjectNode resource, String urn, boolean create) {
        if (urn == null) {
            return resource;
        }
        String key = ScimJson.key(resource, urn);
        if (key != null && resource.get(key) instanceof ObjectNode extension) {
            return extension;
        }
        return create ? resource.putObject(urn) : null;
    }

    private static boolean isReadOnly(String attribute) {
        return attribute.equalsIgnoreCase("id") || attribute.equalsIgnoreCase("meta")
                || attribute.equalsIgnoreCase("schemas");
    }

    private static Op op(JsonNode op) {
        if (op == null || !op.isTextual()) {
            throw ScimException.badRequest("invalidSyntax", "each operation needs an \"op\"");
        }
        try {
            return Op.valueOf(op.asText().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ScimException.badRequest("invalidSyntax", "unknown op '" + op.asText() + "'");
        }
    }

    /** The existing key for a name in any case, so "Title" updates "title" rather than adding a twin. */
    private static String keyFor(JsonNode container, String name) {
        String existing = ScimJson.key(container, name);
        return existing != null ? existing : name;
    }

    private static void merge(ObjectNode target, JsonNode value) {
        value.properties().forEach(e -> target.set(keyFor(target, e.getKey()), e.getValue()));
    }

    /** Multi-valued elements are the same when their "value" sub-attributes are (members, emails), else when equal. */
    private static int indexOfEquivalent(ArrayNode elements, JsonNode candidate) {
        JsonNode candidateValue = ScimJson.field(candidate, "value");
        for (int i = 0; i < elements.size(); i++) {
            JsonNode element = elements.get(i);
            JsonNode elementValue = ScimJson.field(element, "value");
            if (candidateValue != null ? candidateValue.equals(elementValue) : candidate.equals(element)) {
                return i;
            }
        }
        return -1;
    }

    private static void removeEquivalent(ArrayNode elements, ArrayNode toRemove) {
        for (JsonNode candidate : toRemove) {
            int index = indexOfEquivalent(elements, candidate);
            if (index >= 0) {
                elements.remove(index);
            }
        }
    }
}

package org.opensync.sandbox.scim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** JSON plumbing shared by the SCIM classes. Attribute names are case-insensitive in SCIM (RFC 7643 §2.1). */
final class ScimJson {

    static final ObjectMapper MAPPER = new ObjectMapper();
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    static final String CONTENT_TYPE = "application/scim+json";
    static final String ERROR_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:Error";
    static final String LIST_RESPONSE_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
    static final String PATCH_OP_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

    private ScimJson() {
    }

    static JsonNode parse(byte[] body) {
        if (body.length == 0) {
            throw ScimException.badRequest("invalidSyntax", "a JSON body is required");
        }
        try {
            return MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw ScimException.badRequest("invalidSyntax", "the body is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] bytes(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The key under which {@code name} is stored, ignoring case, or null. Exact match first: the common case. */
    static String key(JsonNode container, String name) {
        if (container == null || !container.isObject()) {
            return null;
        }
        if (container.has(name)) {
            return name;
        }
        for (Iterator<String> names = container.fieldNames(); names.hasNext(); ) {
            String candidate = names.next();
            if (candidate.equalsIgnoreCase(name)) {
                return candidate;
            }
        }
        return null;
    }

    static JsonNode field(JsonNode container, String name) {
        String key = key(container, name);
        return key == null ? null : container.get(key);
    }

    /** The elements of an array, or the value itself; nothing for null or missing. */
    static List<JsonNode> flatten(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return List.of();
        }
        if (!value.isArray()) {
            return List.of(value);
        }
        List<JsonNode> elements = new ArrayList<>(value.size());
        value.forEach(elements::add);
        return elements;
    }

    static ArrayNode asArray(JsonNode value) {
        return value.isArray() ? (ArrayNode) value : NODES.arrayNode().add(value);
    }

    static ObjectNode error(int status, String scimType, String detail) {
        ObjectNode error = NODES.objectNode();
        error.putArray("schemas").add(ERROR_SCHEMA);
        error.put("status", String.valueOf(status));
        if (scimType != null) {
            error.put("scimType", scimType);
        }
        error.put("detail", detail);
        return error;
    }

    static ObjectNode listResponse(int totalResults, int startIndex, List<? extends JsonNode> resources) {
        ObjectNode list = NODES.objectNode();
        list.putArray("schemas").add(LIST_RESPONSE_SCHEMA);
        list.put("totalResults", totalResults);
        list.put("startIndex", startIndex);
        list.put("itemsPerPage", resources.size());
        list.putArray("Resources").addAll(resources);
        return list;
    }

    /** Drops null members at every depth: a SCIM null means "unassigned" (RFC 7643 §2.5), nothing to store. */
    static void removeNulls(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.properties().removeIf(e -> e.getValue().isNull());
            object.forEach(ScimJson::removeNulls);
        } else if (node instanceof ArrayNode array) {
            for (int i = array.size() - 1; i >= 0; i--) {
                if (array.get(i).isNull()) {
                    array.remove(i);
                }
            }
            array.forEach(ScimJson::removeNulls);
        }
    }
}

package org.opensync.sandbox.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
  * One entry of a BulkRequest's {@code Operations} as sent. A malformed entry is kept with the reason in
  * {@code invalid}: it fails on its own, like a malformed single request, while the others still run.
  *
  * @param method  upper case, or null when missing
  * @param bulkId  null when the entry has none
  * @param data    the resource or PatchOp, null when missing
  * @param invalid why the entry cannot be performed, or null
  */
record BulkOperation(String method, String path, String bulkId, JsonNode data, String invalid) {

    static final String REFERENCE_PREFIX = "bulkId:";
    private static final Set<String> METHODS = Set.of("POST", "PUT", "PATCH", "DELETE");

    /** The operation as performed: {@code bulkId:} references replaced by the ids they stand for. */
    record Resolved(String method, String path, JsonNode data) {
    }

    static BulkOperation parse(JsonNode entry) {
        if (!entry.isObject()) {
            return new BulkOperation(null, null, null, null, "an operation is a JSON object");
        }
        String method = text(entry, "method");
        String path = text(entry, "path");
        String bulkId = text(entry, "bulkId");
        JsonNode data = ScimJson.field(entry, "data");
        method = method == null ? null : method.toUpperCase(Locale.ROOT);
        String invalid = null;
        if (method == null || !METHODS.contains(method)) {
            invalid = "method must be one of POST, PUT, PATCH, DELETE";
        } else if (path == null || !path.startsWith("/") || path.contains("?") || path.endsWith("/.search")) {
            invalid = "path must be a resource endpoint or a resource, like /Users or /Users/{id}";
        } else if (method.equals("POST") && (bulkId == null || bulkId.isEmpty())) {
            invalid = "a POST operation needs a bulkId";
        } else if (!method.equals("DELETE") && (data == null || data.isNull())) {
            invalid = method + " needs data";
        }
        return new BulkOperation(method, path, bulkId, data == null || data.isNull() ? null : data, invalid);
    }

    /**
      * The bulkIds this operation refers to, whose operations must run first: every string value
      * {@code bulkId:…} in {@code data} (e.g. a member's {@code value}), and a path segment of that form.
      */
    Set<String> references() {
        Set<String> found = new LinkedHashSet<>();
        if (path != null) {
            for (String segment : path.split("/")) {
                if (segment.startsWith(REFERENCE_PREFIX)) {
                    found.add(segment.substring(REFERENCE_PREFIX.length()));
                }
            }
        }
        collect(data, found);
        return found;
    }

    /** @param ids the created id for each referenced bulkId, all of which {@link #references()} named */
    Resolved resolve(Map<String, String> ids) {
        UnaryOperator<String> replace = text -> text.startsWith(REFERENCE_PREFIX)
                ? ids.get(text.substring(REFERENCE_PREFIX.length())) : text;
        String resolvedPath = String.join("/", Arrays.stream(path.split("/", -1)).map(replace).toList());
        return new Resolved(method, resolvedPath, data == null ? null : replaced(data.deepCopy(), replace));
    }

    private static void collect(JsonNode node, Set<String> found) {
        if (node == null) {
            return;
        }
        if (node.isTextual() && node.asText().startsWith(REFERENCE_PREFIX)) {
            found.add(node.asText().substring(REFERENCE_PREFIX.length()));
        }
        node.forEach(child -> collect(child, found));
    }

    private static JsonNode replaced(JsonNode node, UnaryOperator<String> replace) {
        if (node.isTextual()) {
            return TextNode.valueOf(replace.apply(node.asText()));
        }
        if (node instanceof ObjectNode object) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                field.setValue(replaced(field.getValue(), replace));
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, replaced(array.get(i), replace));
            }
        }
        return node;
    }

    private static String text(JsonNode entry, String name) {
        JsonNode value = ScimJson.field(entry, name);
        return value != null && value.isTextual() ? value.asText() : null;
    }
}

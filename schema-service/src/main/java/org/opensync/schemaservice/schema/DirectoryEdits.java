package org.opensync.schemaservice.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.UUID;
import org.opensync.common.web.ErrorCode;
import org.opensync.common.web.GraphException;

/**
 * Changes to the {@code directories} of a schema document, as the directory definition routes make them. They work
 * on the stored JSON; the caller validates the whole schema afterwards, as for a schema PUT.
 */
public final class DirectoryEdits {
    private DirectoryEdits() {
    }

    /**
     * Appends {@code directory}, with a new id when it has none.
     *
     * @return the directory as added
     * @throws GraphException 409 when a directory of that name or id exists
     */
    public static ObjectNode add(ObjectNode schema, JsonNode directory) {
        ObjectNode added = requireObject(directory).deepCopy();
        if (!added.path("name").isTextual() || added.path("name").asText().isBlank()) {
            throw GraphException.badRequest("A directory definition needs a 'name'.", "name");
        }
        if (!added.path("id").isTextual() || added.path("id").asText().isBlank()) {
            added.put("id", UUID.randomUUID().toString());
        }
        String name = added.path("name").asText();
        String id = added.path("id").asText();
        for (JsonNode existing : directories(schema)) {
            if (name.equals(existing.path("name").asText())) {
                throw new GraphException(409, ErrorCode.CONFLICT, "The schema has a directory named '" + name
                        + "' already.", "name");
            }
            if (id.equals(existing.path("id").asText())) {
                throw new GraphException(409, ErrorCode.CONFLICT, "The schema has a directory with id '" + id
                        + "' already.", "id");
            }
        }
        directories(schema).add(added);
        return added;
    }

    /**
     * Replaces the directory's {@code objects} when the body has them and renames it when the body has a
     * {@code name}; other properties (id, discovery results) are the server's.
     */
    public static void update(ObjectNode schema, String directoryId, JsonNode changes) {
        ObjectNode body = requireObject(changes);
        ObjectNode directory = find(schema, directoryId);
        if (body.has("name")) {
            if (!body.path("name").isTextual() || body.path("name").asText().isBlank()) {
                throw GraphException.badRequest("'name' must be a non-empty string.", "name");
            }
            String name = body.path("name").asText();
            for (JsonNode other : directories(schema)) {
                if (other != directory && name.equals(other.path("name").asText())) {
                    throw new GraphException(409, ErrorCode.CONFLICT, "The schema has a directory named '" + name
                            + "' already.", "name");
                }
            }
            directory.put("name", name);
        }
        if (body.has("objects")) {
            directory.set("objects", body.get("objects"));
        }
    }

    /** @throws GraphException 409 when a synchronization rule reads from or writes to the directory */
    public static void remove(ObjectNode schema, String directoryId) {
        ObjectNode directory = find(schema, directoryId);
        String name = directory.path("name").asText();
        JsonNode rules = schema.path("synchronizationRules");
        for (int r = 0; r < rules.size(); r++) {
            JsonNode rule = rules.get(r);
            if (name.equals(rule.path("sourceDirectoryName").asText())
                    || name.equals(rule.path("targetDirectoryName").asText())) {
                throw new GraphException(409, ErrorCode.CONFLICT, "The directory '" + name
                        + "' is used by synchronizationRules[" + r + "]; change or remove the rule first.",
                        "synchronizationRules[" + r + "]");
            }
        }
        ArrayNode all = directories(schema);
        for (int d = 0; d < all.size(); d++) {
            if (all.get(d) == directory) {
                all.remove(d);
                return;
            }
        }
    }

    public static ObjectNode find(ObjectNode schema, String directoryId) {
        for (JsonNode directory : directories(schema)) {
            if (directoryId.equals(directory.path("id").asText(null))) {
                return (ObjectNode) directory;
            }
        }
        throw notFound(directoryId);
    }

    public static GraphException notFound(String directoryId) {
        return GraphException.notFound("The directory '" + directoryId + "' is not part of this schema.");
    }

    /** A PATCH body without properties (annotations aside): a no-op. */
    public static boolean isEmpty(JsonNode body) {
        return body != null && body.isObject()
                && body.properties().stream().allMatch(property -> property.getKey().startsWith("@"));
    }

    private static ArrayNode directories(ObjectNode schema) {
        JsonNode directories = schema.get("directories");
        return directories instanceof ArrayNode array ? array : schema.putArray("directories");
    }

    private static ObjectNode requireObject(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw GraphException.badRequest("The request body must be a directoryDefinition object.");
        }
        return (ObjectNode) body;
    }
}

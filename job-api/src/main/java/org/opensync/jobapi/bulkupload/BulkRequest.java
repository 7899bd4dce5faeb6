package org.opensync.jobapi.bulkupload;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.opensync.common.web.GraphException;

/**
 * A SCIM BulkRequest as {@code bulkUpload} takes it: every operation a {@code POST} of a user to {@code /Users} with
 * a unique {@code bulkId} and the person's {@code externalId}. The service decides create, update, enable or disable,
 * so no other method or path is meaningful. A request with any invalid operation is refused whole, so an HR system
 * never has to find out which half of an upload was taken.
 */
public record BulkRequest(List<Operation> operations) {
    public static final String BULK_REQUEST_URN = "urn:ietf:params:scim:api:messages:2.0:BulkRequest";
    public static final String CORE_USER_URN = "urn:ietf:params:scim:schemas:core:2.0:User";
    public static final String ENTERPRISE_USER_URN = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    /** SCIM's own namespace: names in it other than the two user schemas are not user extensions. */
    private static final String SCIM_NAMESPACE = "urn:ietf:params:scim:";
    private static final int MAX_ID_LENGTH = 256;
    /**
     * Characters of one operation's user: far more than any person's attributes, and small enough that the record
     * carrying it stays well below Kafka's default largest record (1 MiB).
     */
    static final int MAX_USER_LENGTH = 65_536;

    /** One user of the upload. */
    public record Operation(String bulkId, String externalId, ObjectNode user) {
    }

    /**
     * Reads and checks {@code body}.
     *
     * @param maxOperations the most operations one request may carry
     * @throws GraphException 400 naming the JSON path of the first problem
     */
    public static BulkRequest parse(String body, int maxOperations, ObjectMapper mapper) {
        JsonNode root;
        try {
            root = body == null || body.isBlank() ? null : mapper.readTree(body);
        } catch (JsonProcessingException e) {
            throw GraphException.badRequest("The body is not valid JSON: send a SCIM BulkRequest.");
        }
        if (root == null || !root.isObject()) {
            throw GraphException.badRequest("The body must be a SCIM BulkRequest object.");
        }
        if (!containsText(root.path("schemas"), BULK_REQUEST_URN)) {
            throw GraphException.badRequest("schemas must contain '" + BULK_REQUEST_URN + "'.", "schemas");
        }
        JsonNode operations = field(root, "Operations");
        if (operations == null || !operations.isArray() || operations.isEmpty()) {
            throw GraphException.badRequest("Operations must be a non-empty array.", "Operations");
        }
        if (operations.size() > maxOperations) {
            throw GraphException.badRequest("A request carries at most " + maxOperations + " operations; this one has "
                    + operations.size() + ". Split the upload into several requests.", "Operations");
        }
        JsonNode failOnErrors = root.path("failOnErrors");
        if (!failOnErrors.isMissingNode() && !failOnErrors.isNull() && !failOnErrors.isInt()) {
            throw GraphException.badRequest("failOnErrors must be an integer or null.", "failOnErrors");
        }
        List<Operation> parsed = new ArrayList<>(operations.size());
        Set<String> bulkIds = new HashSet<>();
        for (int i = 0; i < operations.size(); i++) {
            Operation operation = operation(operations.get(i), "Operations[" + i + "]");
            if (!bulkIds.add(operation.bulkId())) {
                throw GraphException.badRequest("bulkId '" + operation.bulkId() + "' is used by more than one "
                        + "operation; each operation needs its own.", "Operations[" + i + "].bulkId");
            }
            parsed.add(operation);
        }
        return new BulkRequest(List.copyOf(parsed));
    }

    private static Operation operation(JsonNode operation, String path) {
        if (!operation.isObject()) {
            throw GraphException.badRequest("Each operation must be an object.", path);
        }
        if (!"POST".equalsIgnoreCase(operation.path("method").asText(""))) {
            throw GraphException.badRequest("method must be POST: the service decides whether the user is created, "
                    + "updated, enabled or disabled.", path + ".method");
        }
        if (!"/Users".equalsIgnoreCase(operation.path("path").asText(""))) {
            throw GraphException.badRequest("path must be /Users.", path + ".path");
        }
        String bulkId = identifier(operation.path("bulkId"), path + ".bulkId");
        JsonNode data = operation.path("data");
        if (!data.isObject()) {
            throw GraphException.badRequest("data must be a SCIM user object.", path + ".data");
        }
        if (data.toString().length() > MAX_USER_LENGTH) {
            throw GraphException.badRequest("A user may take at most " + MAX_USER_LENGTH + " characters of JSON.",
                    path + ".data");
        }
        checkSchemas((ObjectNode) data, path + ".data");
        String externalId = identifier(data.path("externalId"), path + ".data.externalId");
        return new Operation(bulkId, externalId, (ObjectNode) data);
    }

    /**
     * The user's {@code schemas} name the core user schema, and every other name is the enterprise extension or a
     * custom extension (outside SCIM's own namespace, e.g. {@code urn:contoso:employee}); an attribute object keyed
     * by a URN must be one of the listed schemas, so no extension slips in undeclared.
     */
    private static void checkSchemas(ObjectNode data, String path) {
        JsonNode schemas = data.path("schemas");
        if (!schemas.isArray() || !containsText(schemas, CORE_USER_URN)) {
            throw GraphException.badRequest("schemas must contain '" + CORE_USER_URN + "'.", path + ".schemas");
        }
        Set<String> declared = new HashSet<>();
        for (int i = 0; i < schemas.size(); i++) {
            String urn = schemas.get(i).asText("");
            if (!knownUserSchema(urn)) {
                throw GraphException.badRequest("Unknown schema '" + urn + "': a user may carry the core user "
                        + "schema, the enterprise extension and custom extensions (urn:…, outside "
                        + SCIM_NAMESPACE + ").", path + ".schemas[" + i + "]");
            }
            declared.add(urn.toLowerCase(Locale.ROOT));
        }
        for (Iterator<String> names = data.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (name.regionMatches(true, 0, "urn:", 0, 4) && !declared.contains(name.toLowerCase(Locale.ROOT))) {
                throw GraphException.badRequest("The extension '" + name + "' is not listed in schemas.",
                        path + "." + name);
            }
        }
    }

    private static boolean knownUserSchema(String urn) {
        String lower = urn.toLowerCase(Locale.ROOT);
        return lower.equals(CORE_USER_URN.toLowerCase(Locale.ROOT))
                || lower.equals(ENTERPRISE_USER_URN.toLowerCase(Locale.ROOT))
                || (lower.startsWith("urn:") && !lower.startsWith(SCIM_NAMESPACE) && lower.length() > 4
                && lower.length() <= MAX_ID_LENGTH && lower.chars().noneMatch(Character::isWhitespace));
    }

    private static String identifier(JsonNode value, String path) {
        String text = value.isTextual() ? value.asText().strip() : "";
        if (text.isEmpty() || text.length() > MAX_ID_LENGTH) {
            throw GraphException.badRequest("A non-empty string of at most " + MAX_ID_LENGTH + " characters is "
                    + "required.", path);
        }
        return text;
    }

    /** SCIM attribute names are case-insensitive: {@code Operations} may come as {@code operations}. */
    private static JsonNode field(JsonNode object, String name) {
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String candidate = names.next();
            if (candidate.equalsIgnoreCase(name)) {
                return object.get(candidate);
            }
        }
        return null;
    }

    private static boolean containsText(JsonNode array, String text) {
        if (array.isArray()) {
            for (JsonNode item : array) {
                if (text.equalsIgnoreCase(item.asText(""))) {
                    return true;
                }
            }
        }
        return false;
    }
}

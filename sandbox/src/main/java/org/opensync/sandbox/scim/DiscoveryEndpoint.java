package org.opensync.sandbox.scim;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** /ServiceProviderConfig, /Schemas and /ResourceTypes (RFC 7644 §4, shapes from RFC 7643 §5–7). */
final class DiscoveryEndpoint {

    private final ScimSchemas schemas;
    private final ScimServerConfig config;
    private final Supplier<String> baseUrl;
    private final ServerQuirks quirks;

    DiscoveryEndpoint(ScimSchemas schemas, ScimServerConfig config, Supplier<String> baseUrl, ServerQuirks quirks) {
        this.schemas = schemas;
        this.config = config;
        this.baseUrl = baseUrl;
        this.quirks = quirks;
    }

    ScimResponse serviceProviderConfig() {
        ObjectNode document = ScimJson.NODES.objectNode();
        document.putArray("schemas").add("urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig");
        document.put("documentationUri", "https://www.rfc-editor.org/rfc/rfc7644");
        document.putObject("patch").put("supported", true);
        boolean bulk = !quirks.settings().noBulk();
        document.putObject("bulk").put("supported", bulk)
                .put("maxOperations", bulk ? config.bulkLimits().maxOperations() : 0)
                .put("maxPayloadSize", bulk ? config.bulkLimits().maxPayloadSize() : 0);
        document.putObject("filter").put("supported", true).put("maxResults", config.maxPageSize());
        document.putObject("changePassword").put("supported", false);
        document.putObject("sort").put("supported", false);
        // meta.version is informative only: If-Match/If-None-Match are not evaluated.
        document.putObject("etag").put("supported", false);
        ArrayNode authentication = document.putArray("authenticationSchemes");
        if (config.bearerToken() != null) {
            authentication.addObject()
                    .put("type", "oauthbearertoken")
                    .put("name", "OAuth Bearer Token")
                    .put("description", "A static bearer token in the Authorization header")
                    .put("primary", true);
        }
        document.set("meta", meta("ServiceProviderConfig", "/ServiceProviderConfig"));
        return ScimResponse.json(200, document);
    }

    ScimResponse schemas(String id) {
        List<ObjectNode> documents = new ArrayList<>();
        for (ObjectNode schema : schemas.documents()) {
            ObjectNode document = schema.deepCopy();
            document.set("meta", meta("Schema", "/Schemas/" + schema.get("id").asText()));
            documents.add(document);
        }
        return listOrOne(documents, id, "Schema");
    }

    ScimResponse resourceTypes(String id) {
        List<ObjectNode> documents = new ArrayList<>();
        for (ResourceType type : ResourceType.values()) {
            ObjectNode document = ScimJson.NODES.objectNode();
            document.putArray("schemas").add("urn:ietf:params:scim:schemas:core:2.0:ResourceType");
            document.put("id", type.resourceName());
            document.put("name", type.resourceName());
            document.put("endpoint", type.endpoint());
            document.put("description", type.resourceName() + " resources");
            document.put("schema", type.coreSchema());
            ArrayNode extensions = document.putArray("schemaExtensions");
            type.extensions().forEach(urn -> extensions.addObject().put("schema", urn).put("required", false));
            document.set("meta", meta("ResourceType", "/ResourceTypes/" + type.resourceName()));
            documents.add(document);
        }
        return listOrOne(documents, id, "ResourceType");
    }

    private static ScimResponse listOrOne(List<ObjectNode> documents, String id, String kind) {
        if (id == null) {
            return ScimResponse.json(200, ScimJson.listResponse(documents.size(), 1, documents));
        }
        return documents.stream()
                .filter(document -> document.get("id").asText().equalsIgnoreCase(id))
                .findFirst()
                .map(document -> ScimResponse.json(200, document))
                .orElseThrow(() -> ScimException.notFound(kind + " " + id + " not found"));
    }

    private ObjectNode meta(String resourceType, String path) {
        ObjectNode meta = ScimJson.NODES.objectNode();
        meta.put("resourceType", resourceType);
        meta.put("location", baseUrl.get() + path);
        return meta;
    }
}

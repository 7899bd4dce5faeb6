package org.opensync.sandbox.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Map;

/** /Users or /Groups: CRUD, list/filter/page, and POST /.search (RFC 7644 §3.3–3.6), bent by the active quirks. */
final class ResourceEndpoint {

    private final ResourceStore store;
    private final ScimServerConfig config;
    private final ServerQuirks quirks;
    private final UserBodyQuirks bodyQuirks;

    ResourceEndpoint(ResourceStore store, ScimServerConfig config, ServerQuirks quirks) {
        this.store = store;
        this.config = config;
        this.quirks = quirks;
        this.bodyQuirks = new UserBodyQuirks(store.scope());
    }

    /** {@code id} is the path segment after the endpoint, or null for the collection. */
    ScimResponse handle(ScimRequest request, String id) {
        ServerQuirks.Settings active = quirks.settings();
        try {
            return route(request, id, active);
        } catch (ScimException e) {
            // Some servers answer an id they never issued as a malformed request, not as a missing resource.
            if (e.status() == 404 && id != null && active.badRequestForUnknownId()) {
                throw ScimException.badRequest(null, "Invalid resource id " + id);
            }
            throw e;
        }
    }

    private ScimResponse route(ScimRequest request, String id, ServerQuirks.Settings active) {
        Map<String, String> parameters = request.parameters();
        return switch (request.method()) {
            case "GET" -> id == null ? list(SearchRequest.fromQuery(parameters, store.scope(), config), active)
                    : resource(200, stored(id), parameters);
            case "POST" -> {
                if (".search".equals(id)) {
                    yield list(SearchRequest.fromBody(request.json(), store.scope(), config), active);
                }
                requireCollection(id);
                ObjectNode created = store.insert(checkedResource(request, active));
                yield resource(201, created, parameters).withHeader("Location", location(created));
            }
            case "PUT" ->
                    resource(200, store.replaceStored(requireId(id), checkedResource(request, active)), parameters);
            case "PATCH" -> {
                JsonNode patchRequest = request.json();
                if (store.type() == ResourceType.USER) {
                    bodyQuirks.checkPatch(patchRequest, active);
                }
                ObjectNode patched = store.patchStored(requireId(id), patchRequest);
                // Entra prefers 204 for groups (no member list back); users get the resource, as RFC 7644 §3.5.2 allows.
                yield store.type() == ResourceType.GROUP ? ScimResponse.noContent() : resource(200, patched, parameters);
            }
            case "DELETE" -> {
                store.delete(requireId(id));
                yield ScimResponse.noContent();
            }
            default -> throw new ScimException(405, null, request.method() + " is not supported here");
        };
    }

    private JsonNode checkedResource(ScimRequest request, ServerQuirks.Settings active) {
        JsonNode body = request.json();
        if (store.type() == ResourceType.USER) {
            bodyQuirks.checkResource(body, active);
        }
        return body;
    }

    private ScimResponse list(SearchRequest request, ServerQuirks.Settings active) {
        SearchRequest search = active.ignorePaging() ? request.unpaged() : request;
        ResourceStore.Page page = store.search(search.filter(), search.startIndex(), search.count());
        AttributeProjection projection =
                AttributeProjection.of(store.scope(), search.attributes(), search.excludedAttributes());
        List<ObjectNode> resources = page.resources().stream().map(projection::apply).toList();
        return ScimResponse.json(200, ScimJson.listResponse(page.totalResults(), search.startIndex(), resources));
    }

    private ScimResponse resource(int status, ObjectNode node, Map<String, String> parameters) {
        AttributeProjection projection = AttributeProjection.of(store.scope(), parameters.get("attributes"),
                parameters.get("excludedAttributes"));
        return ScimResponse.json(status, projection.apply(node))
                .withHeader("ETag", node.path("meta").path("version").asText());
    }

    private ObjectNode stored(String id) {
        ObjectNode node = store.stored(id);
        if (node == null) {
            throw ScimException.notFound(store.type().resourceName() + " " + id + " not found");
        }
        return node;
    }

    private static String location(ObjectNode node) {
        return node.path("meta").path("location").asText();
    }

    private static void requireCollection(String id) {
        if (id != null) {
            throw new ScimException(405, null, "POST goes to the collection, not to a resource");
        }
    }

    private static String requireId(String id) {
        if (id == null || id.equals(".search")) {
            throw new ScimException(405, null, "this method needs a resource id in the path");
        }
        return id;
    }
}

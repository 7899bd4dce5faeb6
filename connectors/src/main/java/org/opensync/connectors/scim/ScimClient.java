package org.opensync.connectors.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.opensync.connectors.schema.DiscoveredObject;

/**
  * A SCIM 2.0 client that talks to a target app the way the Entra provisioning service does: the same
  * queries, bodies, PATCH dialects and error handling. Thread-safe: one instance per job, shared by all threads; it
  * owns one HttpClient and the job's request-rate limit.
  * <pre>{@code
  * ScimClient scim = new ScimClient(ScimSettings.builder(tenantUrl).secretToken(token).build());
  * scim.testConnection();
  * Optional<ScimResource> match = scim.findUnique(ScimResourceType.USER, "userName", "jdoe@example.org");
  * ScimResource created = scim.create(ScimResourceType.USER, Map.of("userName", "jdoe@example.org", "active", true));
  * scim.patch(ScimResourceType.USER, created.id(), scim.patchBuilder().diff(currentValues, desiredValues));
  * scim.addMembers(groupId, List.of(created.id()));
  * }</pre>
  * Every failure is a {@link ScimException} carrying the provisioning-log error code.
  */
public final class ScimClient {
    /** Values per batched match query: keeps the URL a few kilobytes long, well within what servers accept. */
    public static final int MATCH_VALUES_PER_QUERY = 50;
    private static final Pattern SIMPLE_ATTRIBUTE = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*");
    private static final Set<Integer> OK = Set.of(200);
    private static final Set<Integer> CREATED = Set.of(200, 201);
    private static final Set<Integer> OK_OR_NOT_FOUND = Set.of(200, 404);
    private static final Set<Integer> PATCHED = Set.of(200, 204);
    private static final Set<Integer> DELETED = Set.of(200, 204, 404);

    private final ScimSettings settings;
    private final ScimTransport transport;
    private final PatchBuilder patchBuilder;
    private final ScimBulk bulk;
    /** How long a ServiceProviderConfig that could not be read now counts as saying "no bulk". */
    static final Duration BULK_SUPPORT_RETRY = Duration.ofMinutes(1);

    /** Null until read; see {@link #bulkSupport()}. */
    private volatile BulkSupport bulkSupport;
    /** {@link System#nanoTime()} before which a read that failed transiently is not tried again. */
    private long bulkSupportReadAgainAt = System.nanoTime();

    public ScimClient(ScimSettings settings) {
        this(settings, Clock.systemUTC());
    }

    ScimClient(ScimSettings settings, Clock clock) {
        this.settings = settings;
        this.transport = new ScimTransport(settings, clock);
        this.patchBuilder = new PatchBuilder(settings.patchMode(), settings.managerFormat(),
                settings.booleanFormat());
        this.bulk = new ScimBulk(this, transport, settings);
    }

    public ScimSettings settings() {
        return settings;
    }

    public PatchMode patchMode() {
        return settings.patchMode();
    }

    /**
      * Checks the tenant URL against the egress policy without sending anything (every request checks it again).
      *
      * @throws org.opensync.connectors.net.EgressDeniedException naming the destination and the reason
      */
    public void checkEgress() {
        transport.checkEgress();
    }

    /** A builder in this target's PATCH dialect and manager format. */
    public PatchBuilder patchBuilder() {
        return patchBuilder;
    }

    /**
      * What validateCredentials does: a query for a user whose {@code userName} is a random GUID,
      * which must answer 200 with an empty ListResponse.
      */
    public void testConnection() {
        testConnection("userName");
    }

    /** Same with another matching attribute (e.g. {@code externalId}). */
    public void testConnection(String matchingAttribute) {
        String guid = UUID.randomUUID().toString();
        List<ScimResource> found = query(ScimResourceType.USER, matchingAttribute, guid);
        if (!found.isEmpty()) {
            throw ScimErrors.incompatible("GET /Users?filter=" + ScimFilters.equalTo(matchingAttribute, guid), 200,
                    "a query for a random GUID returned " + found.size() + " resources instead of an empty ListResponse");
        }
    }

    /**
      * The match query: {@code GET /Users?filter=<attribute> eq "<value>"} (groups add {@code excludedAttributes=members}).
      *
      * @throws ScimException {@link ScimErrorCode#DuplicateTargetEntries} when more than one resource matches
      */
    public Optional<ScimResource> findUnique(ScimResourceType type, String attribute, String value) {
        List<ScimResource> found = query(type, attribute, value);
        if (found.size() > 1) {
            throw ScimErrors.content(ScimErrorCode.DuplicateTargetEntries, "GET /" + type.endpoint() + "?filter="
                    + ScimFilters.equalTo(attribute, value), 200, null, found.size() + " " + type.endpoint() + " match "
                    + attribute + " = \"" + value + "\" (ids " + found.stream().map(ScimResource::id).toList() + ")");
        }
        return found.stream().findFirst();
    }

    /**
      * The match query for several values at once: {@code GET /Users?filter=a eq "v1" or a eq "v2" ...}, each resource
      * answered attributed to the value its attribute holds, case aside (SCIM compares {@code userName} so; a target
      * that compares exactly returns only exact holders anyway). Empty when the answer cannot say exactly what one
      * query per value would: an attribute path rather than a name, a resource holding none of the values (the
      * target compares in its own way) or two of them that differ only in case, or a page short of the total.
      *
      * @param values at most {@link #MATCH_VALUES_PER_QUERY}, distinct
      */
    public Optional<Map<String, List<ScimResource>>> findEach(ScimResourceType type, String attribute,
                                                              List<String> values) {
        if (values.isEmpty() || values.size() > MATCH_VALUES_PER_QUERY
                || !SIMPLE_ATTRIBUTE.matcher(attribute).matches()) {
            return Optional.empty();
        }
        String filter = values.stream().map(value -> ScimFilters.equalTo(attribute, value))
                .collect(Collectors.joining(" or "));
        // Twice as many as asked for: a few duplicates still fit on the one page
        String query = (type == ScimResourceType.GROUP ? "excludedAttributes=members&" : "") + "count="
                + values.size() * 2 + "&filter=" + URLEncoder.encode(filter, StandardCharsets.UTF_8);
        ScimTransport.Response response = transport.send(ScimTransport.Kind.QUERY, "GET", "/" + type.endpoint() + "?"
                + query, null, OK);
        JsonNode body = parse(response);
        List<ScimResource> found = listed(response, body);
        if (body.path("totalResults").asLong(found.size()) > found.size()) {
            return Optional.empty();
        }
        Map<String, List<ScimResource>> byValue = new LinkedHashMap<>();
        values.forEach(value -> byValue.put(value, new ArrayList<>()));
        for (ScimResource resource : found) {
            JsonNode held = ScimValues.field(resource.json(), attribute);
            List<String> holders = held == null || !held.isTextual() ? List.of()
                    : values.stream().filter(value -> value.equalsIgnoreCase(held.asText())).toList();
            if (holders.size() != 1) {
                return Optional.empty();
            }
            byValue.get(holders.get(0)).add(resource);
        }
        return Optional.of(byValue);
    }

    /** Whether any resource has the value: {@code GET /Users?filter=<attribute> eq "<value>"} answers at least one. */
    public boolean holds(ScimResourceType type, String attribute, String value) {
        return !query(type, attribute, value).isEmpty();
    }

    /** POST of a target image built by {@link TargetImageWriter}. */
    public ScimResource create(ScimResourceType type, Map<String, ?> image) {
        return create(type, TargetImageWriter.toResource(type, image));
    }

    /** POST of a body as given; expects 201 (200 tolerated) with the created resource and its {@code id}. */
    public ScimResource create(ScimResourceType type, ObjectNode body) {
        ScimTransport.Response response = transport.send(ScimTransport.Kind.CREATE, "POST", "/" + type.endpoint(), body,
                CREATED);
        return resource(response, resourceObject(response));
    }

    /**
      * What the target's ServiceProviderConfig says about /Bulk, read once per client: {@link BulkSupport#NONE} when
      * the target does not serve it, answers garbage, or says {@code supported: false}. A transient failure (no
      * answer, 429, 5xx) also means NONE for now, but is not remembered for good: the read is tried again
      * {@link #BULK_SUPPORT_RETRY} later, not at every create while the target is in trouble.
      */
    public BulkSupport bulkSupport() {
        BulkSupport known = bulkSupport;
        if (known != null) {
            return known;
        }
        synchronized (this) {
            if (bulkSupport == null) {
                if (System.nanoTime() - bulkSupportReadAgainAt < 0) {
                    return BulkSupport.NONE;
                }
                try {
                    ScimTransport.Response response = transport.send(ScimTransport.Kind.QUERY, "GET",
                            "/ServiceProviderConfig", null, OK);
                    bulkSupport = BulkSupport.of(parse(response));
                } catch (ScimException e) {
                    if (e.transientFailure()) {
                        bulkSupportReadAgainAt = System.nanoTime() + BULK_SUPPORT_RETRY.toNanos();
                        return BulkSupport.NONE;
                    }
                    bulkSupport = BulkSupport.NONE;
                }
            }
            return bulkSupport;
        }
    }

    /**
      * Creates these resources like {@link #create(ScimResourceType, ObjectNode)} each would, in as few
      * {@code POST /Bulk} requests as the target's limits allow ({@link #bulkSupport()}: maxOperations and
      * maxPayloadSize; a body too large on its own goes as a single POST). Every operation is attempted (no
      * failOnErrors). The result has one entry per body, in order: the created resource, or the ScimException a single
      * POST of that body would have thrown: for an operation the target answered with an error, the same error code,
      * status and message; for a bulk that failed as a whole after it may have been carried out (a timeout after
      * sending, a lost connection, 500, 502, 504, an unreadable answer), that failure, as a single POST failing so
      * would have thrown it, and nothing is sent again. Operations the target answers 429 or 503 inside the bulk, and
      * all operations of a bulk request that certainly was not carried out (a 4xx such as 413, 501, 503, no
      * connection) are sent again as single POSTs, with their retries, Retry-After and rate limit; an operation the
      * target reported created never is ({@link ScimBulk} has the rules). Without bulk support all go as single POSTs.
      * Each operation counts as one request for the rate limit.
      */
    public List<BulkResult> createEach(ScimResourceType type, List<ObjectNode> bodies) {
        if (bodies.isEmpty()) {
            return List.of();
        }
        return bulk.createEach(type, bodies, bulkSupport());
    }

    /** GET by id; empty when the target answers 404 (the resource is gone: the caller logs InvalidAnchor). */
    public Optional<ScimResource> get(ScimResourceType type, String id) {
        ScimTransport.Response response = transport.send(ScimTransport.Kind.READ, "GET", resourcePath(type, id)
                + (type == ScimResourceType.GROUP ? "?excludedAttributes=members" : ""), null, OK_OR_NOT_FOUND);
        if (response.status() == 404) {
            return Optional.empty();
        }
        JsonNode body = parse(response);
        if (body.has("Resources")) {
            List<ScimResource> listed = listed(response, body);
            if (listed.size() > 1) {
                throw ScimErrors.content(ScimErrorCode.SystemForCrossDomainIdentityManagementMultipleEntriesInResponse,
                        response, "a read by id returned " + listed.size() + " resources");
            }
            return listed.stream().findFirst();
        }
        return Optional.of(resource(response, resourceObject(response)));
    }

    /**
      * The resource as the target has it now, or empty when it is gone: a GET by id, and for targets that answer an
      * unknown id with 400 instead of 404, a filter on {@code id}.
      */
    public Optional<ScimResource> read(ScimResourceType type, String id) {
        try {
            return get(type, id);
        } catch (ScimException e) {
            if (e.status() != 400) {
                throw e;
            }
            return query(type, "id", id).stream().findFirst();
        }
    }

    /** Whether the target still has the resource ({@link #read}); tells a deleted object from a refused change. */
    public boolean exists(ScimResourceType type, String id) {
        return read(type, id).isPresent();
    }

    /**
      * PATCH; nothing is sent for an empty request. The resource comes back when the target returns it (200 with a
      * body), else empty (204).
      *
      * @throws ScimException {@link ScimErrorCode#InvalidAnchor} when the target no longer has the resource
      */
    public Optional<ScimResource> patch(ScimResourceType type, String id, PatchRequest patch) {
        if (patch.isEmpty()) {
            return Optional.empty();
        }
        ScimTransport.Response response = transport.send(ScimTransport.Kind.UPDATE, "PATCH", resourcePath(type, id),
                patch.toJson(), PATCHED);
        if (response.status() == 204 || response.body() == null || response.body().isBlank()) {
            return Optional.empty();
        }
        ObjectNode body = resourceObject(response);
        return body.hasNonNull("id") ? Optional.of(resource(response, body)) : Optional.empty();
    }

    /** DELETE; a 404 counts as done (the object is already gone). */
    public void delete(ScimResourceType type, String id) {
        transport.send(ScimTransport.Kind.DELETE, "DELETE", resourcePath(type, id), null, DELETED);
    }

    /** Adds members by target id, {@link ScimSettings#memberChunkSize()} per PATCH. */
    public void addMembers(String groupId, Collection<String> memberIds) {
        MemberPatches.add(settings.patchMode(), List.copyOf(memberIds), settings.memberChunkSize())
                .forEach(request -> patch(ScimResourceType.GROUP, groupId, request));
    }

    /** Removes members by target id, {@link ScimSettings#memberChunkSize()} per PATCH. */
    public void removeMembers(String groupId, Collection<String> memberIds) {
        MemberPatches.remove(settings.patchMode(), List.copyOf(memberIds), settings.memberChunkSize())
                .forEach(request -> patch(ScimResourceType.GROUP, groupId, request));
    }

    /**
      * What discover reads: {@code GET /ResourceTypes} and {@code GET /Schemas}, one object per resource type
      * ({@link ScimSchemaReader}).
      *
      * @throws ScimException a target that serves neither (404 is {@code ServiceIncompatible}) or malformed documents
      */
    public List<DiscoveredObject> readSchema() {
        return ScimSchemaReader.objects(discoveryDocuments("/ResourceTypes"), discoveryDocuments("/Schemas"),
                "GET /ResourceTypes, /Schemas");
    }

    /** The job's current request rate (lower than configured after throttling). */
    public double currentRequestRate() {
        return transport.currentRate();
    }

    private List<ScimResource> query(ScimResourceType type, String attribute, String value) {
        String query = (type == ScimResourceType.GROUP ? "excludedAttributes=members&" : "") + "filter="
                + URLEncoder.encode(ScimFilters.equalTo(attribute, value), StandardCharsets.UTF_8);
        ScimTransport.Response response = transport.send(ScimTransport.Kind.QUERY, "GET", "/" + type.endpoint() + "?"
                + query, null, OK);
        return listed(response, parse(response));
    }

    /** A ListResponse's Resources; a bare array, which some providers serve, is taken as well. */
    private List<JsonNode> discoveryDocuments(String endpoint) {
        ScimTransport.Response response = transport.send(ScimTransport.Kind.QUERY, "GET", endpoint, null, OK);
        JsonNode body = parse(response);
        JsonNode documents = body.isArray() ? body : ScimValues.field(body, "Resources");
        if (documents == null || !documents.isArray()) {
            throw ScimErrors.incompatible(response, endpoint + " must answer a ListResponse");
        }
        List<JsonNode> objects = new ArrayList<>();
        for (JsonNode document : documents) {
            if (!document.isObject()) {
                throw ScimErrors.incompatible(response, endpoint + " lists something other than objects");
            }
            objects.add(document);
        }
        return objects;
    }

    private static List<ScimResource> listed(ScimTransport.Response response, JsonNode body) {
        if (!body.isObject()) {
            throw ScimErrors.incompatible(response, "a query must answer a ListResponse object");
        }
        JsonNode resources = ScimValues.field(body, "Resources");
        long total = body.path("totalResults").asLong(-1);
        if (resources == null || resources.isNull()) {
            if (total == 0) {
                return List.of();
            }
            throw ScimErrors.incompatible(response, "the ListResponse has no Resources array");
        }
        if (!resources.isArray()) {
            throw ScimErrors.incompatible(response, "Resources is not an array");
        }
        List<ScimResource> found = new ArrayList<>();
        for (JsonNode resource : resources) {
            if (!resource.isObject()) {
                throw ScimErrors.incompatible(response, "Resources holds something other than resource objects");
            }
            found.add(resource(response, (ObjectNode) resource));
        }
        return found;
    }

    private static ObjectNode resourceObject(ScimTransport.Response response) {
        JsonNode body = parse(response);
        if (!body.isObject()) {
            throw ScimErrors.incompatible(response, "expected a SCIM resource object, got " + body.getNodeType());
        }
        return (ObjectNode) body;
    }

    private static ScimResource resource(ScimTransport.Response response, ObjectNode body) {
        JsonNode id = body.get("id");
        if (id == null || !id.isTextual() || id.asText().isBlank()) {
            throw ScimErrors.incompatible(response, "the resource has no id");
        }
        return new ScimResource(id.asText(), body);
    }

    private static JsonNode parse(ScimTransport.Response response) {
        if (response.body() == null || response.body().isBlank()) {
            throw ScimErrors.incompatible(response, "empty response body");
        }
        try {
            return ScimValues.JSON.readTree(response.body());
        } catch (Exception e) {
            throw ScimErrors.incompatible(response, "the response is not JSON (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static String resourcePath(ScimResourceType type, String id) {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("a resource id is required");
        }
        return "/" + type.endpoint() + "/" + URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
    }
}

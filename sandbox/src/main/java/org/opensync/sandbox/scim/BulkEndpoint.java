package org.opensync.sandbox.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
  * {@code POST /Bulk} (RFC 7644 §3.7). Each operation is handed to the same resource endpoints as a single request
  * would be, so it is validated, checked for uniqueness and bent by the quirks exactly alike; it also passes the fault
  * injector on its own method and path ({@link FaultInjector#decideOperation}), so a rule on {@code POST /Users} fails
  * that operation inside a bulk as it would fail a single POST.
  * <p>
  * The answer is always 200 with a BulkResponse once the request itself is acceptable: one entry per performed
  * operation, in request order, with {@code status} as a string, {@code location} on success and the SCIM error under
  * {@code response} on failure. A successful POST also carries the created resource under {@code response}, which
  * RFC 7644 permits and which saves a client one GET per created resource.
  * <p>
  * The counters see only the one {@code POST /Bulk}. The journal has its entry and, before it, one entry per performed
  * operation marked {@link JournalEntry#inBulk()}, as the request it stands for (method, path, data, status): a test
  * counting {@code POST /Users} counts every user created, sent alone or in a bulk, and tells them apart by the mark.
  */
final class BulkEndpoint {

    static final String REQUEST_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:BulkRequest";
    static final String RESPONSE_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:BulkResponse";

    private final ScimServerConfig.BulkLimits limits;
    private final ServerQuirks quirks;
    private final FaultInjector faults;
    private final Function<ScimRequest, ScimResponse> resources;
    private final Supplier<String> baseUrl;
    private final RequestJournal journal;

    /** @param resources answers one authenticated request to /Users or /Groups, or throws its {@link ScimException} */
    BulkEndpoint(ScimServerConfig.BulkLimits limits, ServerQuirks quirks, FaultInjector faults,
                 Function<ScimRequest, ScimResponse> resources, Supplier<String> baseUrl, RequestJournal journal) {
        this.journal = journal;
        this.limits = limits;
        this.quirks = quirks;
        this.faults = faults;
        this.resources = resources;
        this.baseUrl = baseUrl;
    }

    ScimResponse handle(ScimRequest request) {
        if (quirks.settings().noBulk()) {
            throw new ScimException(501, null, "bulk operations are not supported");
        }
        if (!request.method().equals("POST")) {
            throw new ScimException(405, null, "/Bulk takes POST only");
        }
        if (request.body().length > limits.maxPayloadSize()) {
            throw tooLarge("The size of the bulk operation exceeds the maxPayloadSize (" + limits.maxPayloadSize()
                    + ").");
        }
        JsonNode body = request.json();
        if (!body.isObject() || !hasRequestSchema(body)) {
            throw ScimException.badRequest("invalidSyntax", "a bulk request lists the schema " + REQUEST_SCHEMA);
        }
        JsonNode operations = ScimJson.field(body, "Operations");
        if (operations == null || !operations.isArray()) {
            throw ScimException.badRequest("invalidSyntax", "Operations must be an array");
        }
        if (operations.size() > limits.maxOperations()) {
            throw tooLarge("The number of operations (" + operations.size() + ") exceeds the maxOperations ("
                    + limits.maxOperations() + ").");
        }
        List<BulkOperation> parsed = new ArrayList<>(operations.size());
        Set<String> bulkIds = new HashSet<>();
        for (JsonNode operation : operations) {
            BulkOperation op = BulkOperation.parse(operation);
            if (op.bulkId() != null && !bulkIds.add(op.bulkId())) {
                throw ScimException.badRequest("invalidSyntax", "bulkId " + op.bulkId() + " is used twice");
            }
            parsed.add(op);
        }
        List<ObjectNode> results = new BulkRun(parsed, failOnErrors(body), op -> perform(op, request),
                path -> baseUrl.get() + path).results();
        ObjectNode answer = ScimJson.NODES.objectNode();
        answer.putArray("schemas").add(RESPONSE_SCHEMA);
        answer.putArray("Operations").addAll(results);
        return ScimResponse.json(200, answer);
    }

    /** One operation, with its bulkId references already resolved; throws its failure. */
    private ScimResponse perform(BulkOperation.Resolved op, ScimRequest bulk) {
        byte[] body = op.data() == null ? new byte[0] : ScimJson.bytes(op.data());
        ScimRequest request = new ScimRequest(op.method(), op.path(), null, body, bulk.authorization(),
                bulk.traceparent());
        FaultInjector.Decision fault = faults.decideOperation(op.method(), op.path());
        fault.pause();
        try {
            if (fault.action() instanceof FaultAction.Respond respond) {
                throw new ScimException(respond.status(), null, "injected fault: HTTP " + respond.status());
            }
            ScimResponse response = resources.apply(request);
            journal(request, response.status());
            return response;
        } catch (ScimException e) {
            journal(request, e.status());
            throw e;
        }
    }

    private void journal(ScimRequest operation, int status) {
        journal.record(new JournalEntry(Instant.now(), operation.method(), operation.path(), null,
                operation.bodyText(), status, operation.traceparent(), true));
    }

    private static boolean hasRequestSchema(JsonNode body) {
        JsonNode schemas = ScimJson.field(body, "schemas");
        return ScimJson.flatten(schemas).stream().anyMatch(schema -> REQUEST_SCHEMA.equals(schema.asText()));
    }

    /** Errors after which the server stops; every operation is attempted when the request sets none. */
    private static int failOnErrors(JsonNode body) {
        JsonNode value = ScimJson.field(body, "failOnErrors");
        if (value == null || value.isNull()) {
            return Integer.MAX_VALUE;
        }
        if (!value.canConvertToInt() || !value.isIntegralNumber() || value.asInt() < 1) {
            throw ScimException.badRequest("invalidValue", "failOnErrors must be a positive integer");
        }
        return value.asInt();
    }

    /** RFC 7644 defines no scimType for an oversized bulk: the status and detail say it. */
    private static ScimException tooLarge(String detail) {
        return new ScimException(413, null, detail);
    }
}

package org.opensync.connectors.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
  * {@link ScimClient#createEach}: creates in as few {@code POST /Bulk} requests as the target's limits and ours allow,
  * each operation ending exactly as a single POST of its body would.
  * <p>
  * Never creating an object twice decides what is sent again as a single POST. Only what the target cannot have
  * carried out is: operations it answered 429 or 503 (the statuses on which a single POST is retried too), and every
  * operation of a bulk request that failed as a whole before being carried out: a 4xx answer (413, 401, a target
  * without /Bulk answering 404 or 405...), 501, 503, no connection, or the egress policy refusing it. A bulk that
  * may have been carried out (a timeout or lost connection after sending, a 500, 502 or 504, an answer too large to
  * read) gives every operation that failure, just as a single POST that failed so is not repeated. A 200 whose body
  * is no BulkResponse, or that lacks an operation's answer, was carried out: the operations it does not account for
  * get a ServiceIncompatible failure, as a single POST with an unreadable 201 does, and are not sent again.
  * An operation reported created is never sent again: its resource comes from the answer's {@code response}, else
  * from a GET of its {@code location}, whose failure becomes its result.
  * <p>
  * The rate limit counts each operation as a request: the target's per-request limits would let a bulk through as
  * one, but a job's own request budget must not shrink a thousandfold by wrapping requests in bulks.
  */
final class ScimBulk {

    /** Operations per request whatever the target advertises: bounds the memory one request and its answer take. */
    private static final int MAX_OPERATIONS = 1_000;
    /** Request bytes whatever the target advertises, for the same reason. */
    private static final int MAX_PAYLOAD_BYTES = 4 * 1024 * 1024;
    private static final String REQUEST_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:BulkRequest";
    private static final String BULK_ID_REFERENCE = "bulkId:";
    private static final Set<Integer> OK = Set.of(200);
    private static final Set<Integer> CREATED = Set.of(200, 201);
    private static final Set<Integer> NOT_DONE = Set.of(429, 503);
    /** {"schemas":[…],"Operations":[]} */
    private static final int ENVELOPE_BYTES = envelope().toString().length();

    private final ScimClient client;
    private final ScimTransport transport;
    private final ScimSettings settings;

    ScimBulk(ScimClient client, ScimTransport transport, ScimSettings settings) {
        this.client = client;
        this.transport = transport;
        this.settings = settings;
    }

    /**
      * What one operation's answer may take, estimated from its request's size: the created resource as the target
      * returns it (the body plus what the target adds, at most as much again) and the entry around it (status,
      * location, version). Requests are cut so their estimated answer fits the response size limit; a target that
      * answers more than estimated makes the answer too large to read, which fails the bulk's operations without
      * repeating them.
      */
    private static long answerEstimate(long operationBytes) {
        return 2 * operationBytes + 1_024;
    }

    List<BulkResult> createEach(ScimResourceType type, List<ObjectNode> bodies, BulkSupport support) {
        BulkResult[] results = new BulkResult[bodies.size()];
        List<Integer> single = new ArrayList<>();
        if (!support.supported()) {
            for (int i = 0; i < bodies.size(); i++) {
                single.add(i);
            }
        } else {
            for (List<Operation> request : plan(type, bodies, support, single)) {
                single.addAll(send(type, request, results));
            }
        }
        single.sort(null);
        for (int index : single) {
            results[index] = single(type, bodies.get(index));
        }
        return List.of(results);
    }

    /** One body as an operation of a request; {@code bulkId} is unique within the request. */
    private record Operation(int index, String bulkId, ObjectNode json, int bytes) {
    }

    /**
      * The requests, in order, each within the operation and payload limits and with an answer estimated to fit the
      * response limit; bodies that fit no request on their own are added to {@code single}.
      */
    private List<List<Operation>> plan(ScimResourceType type, List<ObjectNode> bodies, BulkSupport support,
                                       List<Integer> single) {
        int maxOperations = Math.min(support.maxOperations(), MAX_OPERATIONS);
        long maxPayload = Math.min(support.maxPayloadSize(), MAX_PAYLOAD_BYTES);
        long maxAnswer = settings.maxResponseBytes() - ENVELOPE_BYTES;
        List<List<Operation>> requests = new ArrayList<>();
        List<Operation> current = new ArrayList<>();
        long payload = ENVELOPE_BYTES;
        long answer = 0;
        for (int i = 0; i < bodies.size(); i++) {
            ObjectNode body = bodies.get(i);
            if (refersToBulkIds(body)) {
                // The target would take such a value for a reference to another operation; a single POST stores it
                single.add(i);
                continue;
            }
            Operation op = operation(type, i, "b" + current.size(), body);
            if (ENVELOPE_BYTES + op.bytes() > maxPayload || answerEstimate(op.bytes()) > maxAnswer) {
                single.add(i);
                continue;
            }
            if (current.size() == maxOperations || payload + op.bytes() + 1 > maxPayload
                    || answer + answerEstimate(op.bytes()) > maxAnswer) {
                requests.add(current);
                current = new ArrayList<>();
                payload = ENVELOPE_BYTES;
                answer = 0;
                op = operation(type, i, "b0", body);
            }
            current.add(op);
            payload += op.bytes() + 1; // and the comma before it
            answer += answerEstimate(op.bytes());
        }
        if (!current.isEmpty()) {
            requests.add(current);
        }
        return requests;
    }

    /** @return the indexes of the operations to send again as single POSTs; the others' results are set */
    private List<Integer> send(ScimResourceType type, List<Operation> operations, BulkResult[] results) {
        ObjectNode request = envelope();
        ArrayNode list = (ArrayNode) request.get("Operations");
        operations.forEach(op -> list.add(op.json()));
        ScimTransport.Response response;
        try {
            response = transport.sendOnce(ScimTransport.Kind.BULK, "POST", "/Bulk", request, OK, operations.size());
        } catch (ScimException failed) {
            if (notCarriedOut(failed)) {
                return operations.stream().map(Operation::index).toList();
            }
            operations.forEach(op -> results[op.index()] = BulkResult.of(failed));
            return List.of();
        }
        Map<String, JsonNode> answers;
        try {
            answers = answers(response);
        } catch (ScimException unreadable) {
            operations.forEach(op -> results[op.index()] = BulkResult.of(unreadable));
            return List.of();
        }
        List<Integer> again = new ArrayList<>();
        for (Operation op : operations) {
            JsonNode answer = answers.get(op.bulkId());
            if (answer == null) {
                results[op.index()] = BulkResult.of(ScimErrors.incompatible(response,
                        "the BulkResponse has no single answer for bulkId " + op.bulkId()));
                continue;
            }
            int status = status(answer);
            if (NOT_DONE.contains(status)) {
                again.add(op.index());
            } else {
                results[op.index()] = outcome(type, response, op, answer, status);
            }
        }
        return again;
    }

    /**
      * Whether the bulk request certainly was not carried out, so its operations may be sent again: refused with a
      * 4xx or as not implemented, 503, or never sent (no connection, egress refused).
      */
    private static boolean notCarriedOut(ScimException failure) {
        int status = failure.status();
        if (status == 0) {
            return failure.retryable() || failure.errorCode() == ScimErrorCode.EgressDenied;
        }
        return (status >= 400 && status < 500) || status == 501 || status == 503;
    }

    /** The answers by bulkId; a bulkId answered twice maps to null (no answer can be trusted for it). */
    private static Map<String, JsonNode> answers(ScimTransport.Response response) {
        JsonNode body;
        try {
            body = response.body() == null || response.body().isBlank() ? null
                    : ScimValues.JSON.readTree(response.body());
        } catch (Exception e) {
            throw ScimErrors.incompatible(response, "the BulkResponse is not JSON (" + e.getClass().getSimpleName()
                    + ")");
        }
        JsonNode operations = ScimValues.field(body, "Operations");
        if (operations == null || !operations.isArray()) {
            throw ScimErrors.incompatible(response, "the answer is not a BulkResponse with an Operations array");
        }
        Map<String, JsonNode> answers = new HashMap<>();
        for (JsonNode answer : operations) {
            JsonNode bulkId = ScimValues.field(answer, "bulkId");
            if (bulkId != null && bulkId.isTextual()) {
                String key = bulkId.asText();
                answers.put(key, answers.containsKey(key) ? null : answer);
            }
        }
        return answers;
    }

    /** The operation's HTTP status, or 0 when it has none that reads as one. */
    private static int status(JsonNode answer) {
        JsonNode status = ScimValues.field(answer, "status");
        if (status == null) {
            return 0;
        }
        try {
            return status.isIntegralNumber() ? status.asInt() : Integer.parseInt(status.asText().trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private BulkResult outcome(ScimResourceType type, ScimTransport.Response bulk, Operation op, JsonNode answer,
                               int status) {
        JsonNode response = ScimValues.field(answer, "response");
        if (!CREATED.contains(status)) {
            if (status < 100 || status > 599) {
                return BulkResult.of(ScimErrors.incompatible(bulk, "the answer for bulkId " + op.bulkId()
                        + " has no HTTP status"));
            }
            // The answer a single POST would have had: same status and body, so the same error code and message
            ScimTransport.Response single = new ScimTransport.Response(status,
                    response == null || response.isNull() ? null : response.toString(),
                    "application/scim+json", "POST /" + type.endpoint());
            return BulkResult.of(ScimErrors.fromStatus(ScimTransport.Kind.CREATE, single, null,
                    settings.maxRetryAfter(), false));
        }
        JsonNode id = response == null ? null : response.get("id");
        if (response instanceof ObjectNode resource && id != null && id.isTextual() && !id.asText().isBlank()) {
            return BulkResult.of(new ScimResource(id.asText(), resource));
        }
        return fetched(type, bulk, op, ScimValues.field(answer, "location"));
    }

    /** A created resource the answer does not carry, read from its location: created already, so never re-sent. */
    private BulkResult fetched(ScimResourceType type, ScimTransport.Response bulk, Operation op, JsonNode location) {
        String url = location == null || !location.isTextual() ? "" : location.asText();
        String id = URLDecoder.decode(url.substring(url.lastIndexOf('/') + 1), StandardCharsets.UTF_8);
        if (id.isBlank()) {
            return BulkResult.of(ScimErrors.incompatible(bulk, "bulkId " + op.bulkId()
                    + " was created, but the answer has neither the resource nor its location"));
        }
        try {
            Optional<ScimResource> created = client.get(type, id);
            return created.map(BulkResult::of).orElseGet(() -> BulkResult.of(ScimErrors.incompatible(bulk,
                    "bulkId " + op.bulkId() + " was created at " + url + ", but a GET of it finds nothing")));
        } catch (ScimException e) {
            return BulkResult.of(e);
        }
    }

    private BulkResult single(ScimResourceType type, ObjectNode body) {
        try {
            return BulkResult.of(client.create(type, body));
        } catch (ScimException e) {
            return BulkResult.of(e);
        }
    }

    private static Operation operation(ScimResourceType type, int index, String bulkId, ObjectNode body) {
        ObjectNode json = ScimValues.JSON.createObjectNode()
                .put("method", "POST")
                .put("path", "/" + type.endpoint())
                .put("bulkId", bulkId);
        json.set("data", body);
        return new Operation(index, bulkId, json, ScimValues.utf8(json).length);
    }

    private static boolean refersToBulkIds(JsonNode node) {
        if (node.isTextual()) {
            return node.asText().startsWith(BULK_ID_REFERENCE);
        }
        for (JsonNode child : node) {
            if (refersToBulkIds(child)) {
                return true;
            }
        }
        return false;
    }

    private static ObjectNode envelope() {
        ObjectNode request = ScimValues.JSON.createObjectNode();
        request.putArray("schemas").add(REQUEST_SCHEMA);
        request.putArray("Operations");
        return request;
    }
}

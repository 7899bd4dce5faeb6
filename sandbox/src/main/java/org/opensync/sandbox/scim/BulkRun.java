package org.opensync.sandbox.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
  * Performs the operations of one bulk request in order, except that an operation referring to a later POST's bulkId
  * runs that POST first, so references resolve whatever their order. A reference to a bulkId no operation has, to
  * a POST that failed, or back to an operation still waiting for its own references (a cycle) fails the referring
  * operation with 409 {@code invalidSyntax}. After {@code failOnErrors} failures nothing more runs, and operations
  * that did not run are left out of the answer.
  */
final class BulkRun {

    private static final Logger LOG = Logger.getLogger(BulkRun.class.getName());

    /** Unwinds an operation whose references could not run because the run stopped: it is not performed either. */
    private static final class Stopped extends RuntimeException {
        Stopped() {
            super(null, null, false, false);
        }
    }

    private final List<BulkOperation> operations;
    private final int failOnErrors;
    private final Function<BulkOperation.Resolved, ScimResponse> perform;
    private final UnaryOperator<String> location;
    private final Map<String, Integer> byBulkId = new HashMap<>();
    private final ObjectNode[] results;
    private final String[] createdIds;
    private final boolean[] running;
    private int errors;

    /**
      * @param perform  answers one resolved operation, or throws its {@link ScimException}
      * @param location the absolute URL of a path below the base path
      */
    BulkRun(List<BulkOperation> operations, int failOnErrors, Function<BulkOperation.Resolved, ScimResponse> perform,
            UnaryOperator<String> location) {
        this.operations = operations;
        this.failOnErrors = failOnErrors;
        this.perform = perform;
        this.location = location;
        this.results = new ObjectNode[operations.size()];
        this.createdIds = new String[operations.size()];
        this.running = new boolean[operations.size()];
        for (int i = 0; i < operations.size(); i++) {
            if ("POST".equals(operations.get(i).method()) && operations.get(i).bulkId() != null) {
                byBulkId.put(operations.get(i).bulkId(), i);
            }
        }
    }

    /** The answer entries of the operations performed, in request order. */
    List<ObjectNode> results() {
        for (int i = 0; i < operations.size() && !stopped(); i++) {
            run(i);
        }
        List<ObjectNode> answered = new ArrayList<>();
        for (ObjectNode result : results) {
            if (result != null) {
                answered.add(result);
            }
        }
        return answered;
    }

    private boolean stopped() {
        return errors >= failOnErrors;
    }

    private void run(int index) {
        if (results[index] != null || stopped()) {
            return;
        }
        BulkOperation op = operations.get(index);
        running[index] = true;
        ObjectNode result;
        try {
            BulkOperation.Resolved resolved = op.resolve(ids(op));
            result = succeeded(op, resolved, index, perform.apply(resolved));
        } catch (Stopped notPerformed) {
            return;
        } catch (ScimException e) {
            result = failed(op, e);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "unexpected failure on bulk operation " + op.method() + " " + op.path(), e);
            result = failed(op, new ScimException(500, null, "internal error: " + e));
        } finally {
            running[index] = false;
        }
        results[index] = result;
    }

    /** The ids the operation's references stand for, running the referenced POSTs first where needed. */
    private Map<String, String> ids(BulkOperation op) {
        if (op.invalid() != null) {
            throw ScimException.badRequest("invalidSyntax", op.invalid());
        }
        Map<String, String> ids = new HashMap<>();
        for (String bulkId : op.references()) {
            Integer target = byBulkId.get(bulkId);
            if (target == null) {
                throw unresolved("no POST operation has bulkId " + bulkId);
            }
            if (running[target]) {
                throw unresolved("bulkId " + bulkId + " is part of a circular reference");
            }
            run(target);
            if (results[target] == null) {
                throw new Stopped();
            }
            if (createdIds[target] == null) {
                throw unresolved("the operation with bulkId " + bulkId + " failed");
            }
            ids.put(bulkId, createdIds[target]);
        }
        return ids;
    }

    private ObjectNode succeeded(BulkOperation op, BulkOperation.Resolved resolved, int index, ScimResponse response) {
        ObjectNode result = entry(op, response.status());
        JsonNode body = response.body() == null ? null : ScimJson.parse(response.body());
        String etag = response.headers().get("ETag");
        if (etag != null && !etag.isEmpty()) {
            result.put("version", etag);
        }
        if (op.method().equals("POST")) {
            createdIds[index] = body.path("id").asText();
            result.put("location", response.headers().get("Location"));
            result.set("response", body);
        } else {
            JsonNode stored = body == null ? null : body.path("meta").path("location");
            result.put("location", stored != null && stored.isTextual() ? stored.asText()
                    : location.apply(resolved.path()));
        }
        return result;
    }

    private ObjectNode failed(BulkOperation op, ScimException e) {
        errors++;
        ObjectNode result = entry(op, e.status());
        result.set("response", ScimJson.error(e.status(), e.scimType(), e.getMessage()));
        return result;
    }

    private static ObjectNode entry(BulkOperation op, int status) {
        ObjectNode result = ScimJson.NODES.objectNode();
        if (op.method() != null) {
            result.put("method", op.method());
        }
        if (op.bulkId() != null) {
            result.put("bulkId", op.bulkId());
        }
        result.put("status", String.valueOf(status));
        return result;
    }

    private static ScimException unresolved(String detail) {
        return new ScimException(409, "invalidSyntax", detail);
    }
}

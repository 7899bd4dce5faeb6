package org.opensync.sandbox.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
  * {@code /_sandbox/…}: faults, outage, journal, counters, quirks, reset, for benchmarks and tests in other processes.
  * Guarded by the same bearer token; never subject to faults and never journaled.
  */
final class AdminHandler implements HttpHandler {

    static final String PREFIX = "/_sandbox";
    private static final String JSON = "application/json";

    private final ScimServer server;

    AdminHandler(ScimServer server) {
        this.server = server;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
        String path = exchange.getRequestURI().getPath().substring(PREFIX.length());
        ScimResponse response;
        Duration outage = null;
        try {
            BearerAuth.require(server.config().bearerToken(), exchange.getRequestHeaders().getFirst("Authorization"));
            if (method.equals("POST") && path.equals("/outage")) {
                outage = Duration.ofMillis(ScimJson.parse(body).path("durationMs").asLong(0));
                if (outage.isZero() || outage.isNegative()) {
                    throw ScimException.badRequest("invalidValue", "durationMs must be positive");
                }
                response = json(202, ScimJson.NODES.objectNode().put("durationMs", outage.toMillis()));
            } else {
                response = route(method, path, body);
            }
        } catch (ScimException e) {
            response = ScimResponse.error(e);
        } catch (IllegalArgumentException e) {
            response = ScimResponse.error(ScimException.badRequest("invalidValue", e.getMessage()));
        }
        // The listener closes only after the answer is out: the outage drops every connection, this one included.
        CompletableFuture<Void> answered = new CompletableFuture<>();
        if (outage != null) {
            server.outageOnceAnswered(outage, answered);
        }
        try {
            response.send(exchange);
        } finally {
            answered.complete(null);
        }
    }

    private ScimResponse route(String method, String path, byte[] body) {
        String route = method + " " + path;
        switch (route) {
            case "GET /faults" -> {
                ArrayNode faults = ScimJson.NODES.arrayNode();
                server.faults().active().forEach(fault -> faults.add(FaultRuleJson.render(fault)));
                return json(200, ScimJson.NODES.objectNode().set("faults", faults));
            }
            case "POST /faults" -> {
                String id = server.faults().add(FaultRuleJson.parse(ScimJson.parse(body)));
                return server.faults().active().stream().filter(f -> f.id().equals(id)).findFirst()
                        .map(fault -> json(201, FaultRuleJson.render(fault)))
                        .orElseGet(() -> json(201, ScimJson.NODES.objectNode().put("id", id)));
            }
            case "DELETE /faults" -> {
                server.faults().clear();
                return ScimResponse.noContent();
            }
            case "GET /journal" -> {
                ArrayNode entries = ScimJson.NODES.arrayNode();
                server.journal().entries().forEach(entry -> entries.addObject()
                        .put("time", entry.time().toString())
                        .put("method", entry.method())
                        .put("path", entry.path())
                        .put("query", entry.query())
                        .put("body", entry.body())
                        .put("status", entry.status())
                        .put("traceparent", entry.traceparent()));
                return json(200, ScimJson.NODES.objectNode().set("entries", entries));
            }
            case "DELETE /journal" -> {
                server.journal().clear();
                return ScimResponse.noContent();
            }
            case "GET /counters" -> {
                return json(200, counters());
            }
            case "GET /quirks" -> {
                return json(200, QuirksJson.render(server.quirks().settings()));
            }
            case "PUT /quirks" -> {
                server.quirks().set(QuirksJson.parse(ScimJson.parse(body)));
                return json(200, QuirksJson.render(server.quirks().settings()));
            }
            case "POST /reset" -> {
                server.reset();
                return ScimResponse.noContent();
            }
            default -> {
                if (method.equals("DELETE") && path.startsWith("/faults/")) {
                    if (!server.faults().remove(path.substring("/faults/".length()))) {
                        throw ScimException.notFound("no fault " + path.substring("/faults/".length()));
                    }
                    return ScimResponse.noContent();
                }
                throw ScimException.notFound("no admin endpoint " + route);
            }
        }
    }

    private ObjectNode counters() {
        ObjectNode counters = ScimJson.NODES.objectNode();
        counters.put("users", server.users().size());
        counters.put("groups", server.groups().size());
        counters.put("requests", server.counters().totalRequests());
        counters.set("requestsByMethod", ScimJson.MAPPER.valueToTree(server.counters().requestsByMethod()));
        counters.set("responsesByStatus", ScimJson.MAPPER.valueToTree(server.counters().responsesByStatus()));
        return counters;
    }

    private static ScimResponse json(int status, JsonNode body) {
        return new ScimResponse(status, ScimJson.bytes(body), JSON, Map.of());
    }
}

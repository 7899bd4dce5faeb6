package org.opensync.sandbox.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** A response built before anything is written, so the journal and the fault injector can see and alter it. */
record ScimResponse(int status, byte[] body, String contentType, Map<String, String> headers) {

    static ScimResponse json(int status, JsonNode body) {
        return new ScimResponse(status, ScimJson.bytes(body), ScimJson.CONTENT_TYPE, Map.of());
    }

    static ScimResponse noContent() {
        return new ScimResponse(204, null, null, Map.of());
    }

    static ScimResponse error(ScimException e) {
        return json(e.status(), ScimJson.error(e.status(), e.scimType(), e.getMessage()));
    }

    static ScimResponse text(int status, String contentType, String body) {
        return new ScimResponse(status, body.getBytes(StandardCharsets.UTF_8), contentType, Map.of());
    }

    ScimResponse withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new ScimResponse(status, body, contentType, more);
    }

    ScimResponse withBody(int newStatus, byte[] newBody) {
        return new ScimResponse(newStatus, newBody, contentType == null ? ScimJson.CONTENT_TYPE : contentType, headers);
    }

    void send(HttpExchange exchange) throws IOException {
        if (contentType != null) {
            exchange.getResponseHeaders().set("Content-Type", contentType);
        }
        headers.forEach(exchange.getResponseHeaders()::set);
        if (body == null || body.length == 0 || status == 204) {
            exchange.sendResponseHeaders(status, -1);
        } else {
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
        exchange.close();
    }
}

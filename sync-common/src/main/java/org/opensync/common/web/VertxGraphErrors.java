package org.opensync.common.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.util.UUID;

/** Writes a Graph error from a Vert.x route handler, for requests refused or failed outside JAX-RS. */
final class VertxGraphErrors {
    private static final ObjectMapper JSON = new ObjectMapper();

    private VertxGraphErrors() {
    }

    /** @return the request id of the answer, or null when the response was already under way */
    static String write(RoutingContext ctx, int status, ErrorCode code, String message) {
        HttpServerResponse response = ctx.response();
        if (response.headWritten() || response.ended() || response.closed()) {
            return null;
        }
        String requestId = UUID.randomUUID().toString();
        String clientRequestId = ctx.request().getHeader(RequestIds.CLIENT_REQUEST_ID);
        GraphError body = GraphErrorResponses.body(ctx.request().path(), requestId, clientRequestId, code, message,
                null, null);
        String json;
        try {
            json = JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a GraphError always serializes", e);
        }
        response.setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .putHeader(RequestIds.REQUEST_ID, requestId)
                .putHeader("OData-Version", "4.0");
        if (clientRequestId != null && RequestScreening.isPrintable(clientRequestId)) {
            response.putHeader(RequestIds.CLIENT_REQUEST_ID, clientRequestId);
        }
        response.end(json);
        return requestId;
    }
}

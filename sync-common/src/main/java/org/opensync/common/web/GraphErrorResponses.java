package org.opensync.common.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** Builds Graph-shaped error responses carrying the request's correlation ids. */
public final class GraphErrorResponses {
    private GraphErrorResponses() {
    }

    public static Response of(ContainerRequestContext request, int status, ErrorCode code, String message, String target) {
        return of(request, status, code, message, target, null);
    }

    public static Response of(ContainerRequestContext request, int status, ErrorCode code, String message, String target,
                       List<GraphError.Item> details) {
        String path = request.getUriInfo().getRequestUri().getRawPath();
        GraphError body = body(path, RequestIds.requestId(request),
                request.getHeaderString(RequestIds.CLIENT_REQUEST_ID), code, message, target, details);
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }

    /** The error body for a response written outside JAX-RS (e.g. by a Vert.x route handler). */
    public static GraphError body(String path, String requestId, String clientRequestId, ErrorCode code,
                                  String message, String target, List<GraphError.Item> details) {
        GraphError.InnerError inner = new GraphError.InnerError(
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), requestId, clientRequestId);
        return new GraphError(new GraphError.Detail(code.codeFor(path), message, target, details, inner));
    }
}

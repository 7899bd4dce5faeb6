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
        GraphError.InnerError inner = new GraphError.InnerError(
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
                RequestIds.requestId(request),
                request.getHeaderString(RequestIds.CLIENT_REQUEST_ID));
        GraphError body = new GraphError(new GraphError.Detail(code.codeFor(path), message, target, details, inner));
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }
}

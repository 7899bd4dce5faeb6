package org.opensync.common.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Builds Graph-shaped error responses carrying the request's correlation ids. */
final class GraphErrorResponses {
    private GraphErrorResponses() {
    }

    static Response of(ContainerRequestContext request, int status, ErrorCode code, String message, String target) {
        String path = request.getUriInfo().getRequestUri().getRawPath();
        GraphError.InnerError inner = new GraphError.InnerError(
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
                RequestIds.requestId(request),
                request.getHeaderString(RequestIds.CLIENT_REQUEST_ID));
        GraphError body = new GraphError(new GraphError.Detail(code.codeFor(path), message, target, null, inner));
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }
}

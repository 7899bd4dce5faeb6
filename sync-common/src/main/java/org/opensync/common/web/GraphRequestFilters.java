package org.opensync.common.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.net.URI;
import org.opensync.common.logs.LogContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/** Request normalisation and correlation headers for every Graph route. */
public class GraphRequestFilters {

    @ServerRequestFilter(preMatching = true)
    public void normalise(ContainerRequestContext request) {
        LogContext.requestId(RequestIds.requestId(request));
        URI uri = request.getUriInfo().getRequestUri();
        String canonical = GraphPaths.canonical(uri.getRawPath());
        if (!canonical.equals(uri.getRawPath())) {
            String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
            request.setRequestUri(URI.create(canonical + query));
        }
    }

    @ServerResponseFilter
    public void correlate(ContainerRequestContext request, ContainerResponseContext response) {
        response.getHeaders().putSingle(RequestIds.REQUEST_ID, RequestIds.requestId(request));
        String clientRequestId = request.getHeaderString(RequestIds.CLIENT_REQUEST_ID);
        if (clientRequestId != null) {
            response.getHeaders().putSingle(RequestIds.CLIENT_REQUEST_ID, clientRequestId);
        }
        response.getHeaders().putSingle("OData-Version", "4.0");
        LogContext.requestAnswered();
    }
}

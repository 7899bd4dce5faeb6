package org.opensync.schemaservice.catalog;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.opensync.common.web.ErrorCode;
import org.opensync.common.web.GraphErrorResponses;
import org.opensync.mapping.catalog.InvalidRequestException;

/** The mapping engine's bad-request signal (e.g. an expression over 10,000 characters) as a Graph 400. */
public class InvalidRequestMapper {

    @ServerExceptionMapper
    public Response invalidRequest(InvalidRequestException e, ContainerRequestContext request) {
        return GraphErrorResponses.of(request, 400, ErrorCode.INVALID_REQUEST, e.getMessage(), e.target());
    }
}

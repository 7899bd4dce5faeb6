package org.opensync.common.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Set;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.opensync.common.secrets.SecretUnavailableException;

/** The one place where failures become HTTP responses, always in the Graph error shape. */
public class GraphExceptionMappers {
    private static final Logger LOG = Logger.getLogger(GraphExceptionMappers.class);

    private final KnownRoutes routes;
    private final Instance<UniqueConstraints> uniqueConstraints;

    @Inject
    public GraphExceptionMappers(KnownRoutes routes, Instance<UniqueConstraints> uniqueConstraints) {
        this.routes = routes;
        this.uniqueConstraints = uniqueConstraints;
    }

    @ServerExceptionMapper
    public Response graph(GraphException e, ContainerRequestContext request) {
        Response response = GraphErrorResponses.of(request, e.status(), e.code(), e.getMessage(), e.target(),
                e.details());
        if (e.retryAfter() == null) {
            return response;
        }
        return Response.fromResponse(response)
                .header("Retry-After", Math.max(1, (e.retryAfter().toMillis() + 999) / 1000)).build();
    }

    /**
     * Saved secrets that no configured key opens (a key retired before every value sealed with it was rewritten)
     * are not a server failure: the caller can fix it by entering them again. The message names the key by its id.
     */
    @ServerExceptionMapper
    public Response secretsUnreadable(SecretUnavailableException e, ContainerRequestContext request) {
        LOG.warnf("%s %s: saved secrets cannot be opened: %s", request.getMethod(),
                request.getUriInfo().getPath(), e.getMessage());
        return GraphErrorResponses.of(request, 409, ErrorCode.SECRETS_UNREADABLE, "The saved secrets of this service "
                + "principal cannot be read (" + e.getMessage() + "). Enter them again with PUT "
                + ".../synchronization/secrets.", null);
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e, ContainerRequestContext request) {
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String path = JsonPaths.of(mapping);
            return GraphErrorResponses.of(request, 400, ErrorCode.INVALID_REQUEST,
                    "Invalid value at '" + path + "': " + e.getOriginalMessage(), path);
        }
        JsonLocation at = e.getLocation();
        String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
        return GraphErrorResponses.of(request, 400, ErrorCode.INVALID_REQUEST,
                "The request body is not valid JSON" + where + ": " + e.getOriginalMessage(), null);
    }

    /**
     * A body of the wrong JSON type (an array where an object is read): Quarkus maps this subclass itself, with an
     * empty 400, unless a mapper as specific as its own exists.
     */
    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e, ContainerRequestContext request) {
        return malformedJson(e, request);
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e, ContainerRequestContext request) {
        String path = request.getUriInfo().getRequestUri().getRawPath();
        Set<String> allowed = routes.allowedMethods(path);
        if (!allowed.isEmpty()) {
            return methodNotAllowed(request, allowed);
        }
        return GraphErrorResponses.of(request, 404, ErrorCode.NOT_FOUND,
                "Resource not found for the segment '" + path + "'.", null);
    }

    @ServerExceptionMapper
    public Response notAllowed(NotAllowedException e, ContainerRequestContext request) {
        return methodNotAllowed(request, e.getResponse().getAllowedMethods());
    }

    private static Response methodNotAllowed(ContainerRequestContext request, Set<String> allowed) {
        Response response = GraphErrorResponses.of(request, 405, ErrorCode.METHOD_NOT_ALLOWED,
                "The HTTP method '" + request.getMethod() + "' is not allowed on this resource; allowed: "
                        + String.join(", ", allowed) + ".", null);
        return Response.fromResponse(response).allow(allowed).build();
    }

    @ServerExceptionMapper
    public Response unsupportedMediaType(NotSupportedException e, ContainerRequestContext request) {
        return GraphErrorResponses.of(request, 415, ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                "The content type '" + request.getHeaderString(HttpHeaders.CONTENT_TYPE)
                        + "' is not supported; send application/json.", null);
    }

    @ServerExceptionMapper
    public Response notAcceptable(NotAcceptableException e, ContainerRequestContext request) {
        return GraphErrorResponses.of(request, 406, ErrorCode.NOT_ACCEPTABLE,
                "None of the media types in the Accept header can be produced; accept application/json.", null);
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthenticated(RuntimeException e, ContainerRequestContext request) {
        Response response = GraphErrorResponses.of(request, 401, ErrorCode.UNAUTHENTICATED,
                "Access token is missing, invalid or expired.", null);
        return Response.fromResponse(response).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, ContainerRequestContext request) {
        return GraphErrorResponses.of(request, 403, ErrorCode.ACCESS_DENIED,
                "Insufficient privileges to complete the operation.", null);
    }

    @ServerExceptionMapper
    public Response otherHttpError(WebApplicationException e, ContainerRequestContext request) {
        int status = e.getResponse().getStatus();
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonProcessingException json) {
                return malformedJson(json, request);
            }
        }
        if (status >= 500) {
            return unexpected(e, request);
        }
        if (status == 413) {
            return GraphErrorResponses.of(request, 413, ErrorCode.PAYLOAD_TOO_LARGE, BodyLimit.message(), null);
        }
        return GraphErrorResponses.of(request, status, ErrorCode.INVALID_REQUEST, e.getMessage(), null);
    }

    /**
     * A write that lost a race in the database: a unique constraint (409 with the service's wording, see
     * {@link UniqueConstraints}), a parent deleted meanwhile, a serialization failure, a deadlock or an optimistic
     * version check (409, the client may retry). Null when {@code e} is something else.
     */
    Response databaseConflict(Throwable e, ContainerRequestContext request) {
        DatabaseConflicts.Conflict conflict = DatabaseConflicts.of(e).orElse(null);
        if (conflict == null) {
            return null;
        }
        LOG.debugf("request %s %s lost a concurrent write: %s", request.getMethod(),
                request.getUriInfo().getRequestUri().getRawPath(), e);
        if (conflict.uniqueViolation()) {
            for (UniqueConstraints constraints : uniqueConstraints) {
                GraphException worded = constraints.conflict(conflict.constraint(), conflict.detail()).orElse(null);
                if (worded != null) {
                    return graph(worded, request);
                }
            }
            return GraphErrorResponses.of(request, 409, ErrorCode.CONFLICT,
                    "The request conflicts with an existing resource: another request created it at the same time.",
                    null);
        }
        if (DatabaseConflicts.FOREIGN_KEY_VIOLATION.equals(conflict.sqlState())) {
            return GraphErrorResponses.of(request, 409, ErrorCode.CONFLICT,
                    "A resource this request refers to was deleted by a concurrent request.", null);
        }
        return GraphErrorResponses.of(request, 409, ErrorCode.CONCURRENT_CHANGE,
                "The resource was changed by a concurrent request; read it again and retry.", null);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, ContainerRequestContext request) {
        Response conflict = databaseConflict(e, request);
        if (conflict != null) {
            return conflict;
        }
        if (SqlFailures.find(e, SqlFailures::isDataException).isPresent()) {
            LOG.debugf("request %s %s: the database refused a value: %s", request.getMethod(),
                    request.getUriInfo().getRequestUri().getRawPath(), e);
            return GraphErrorResponses.of(request, 400, ErrorCode.INVALID_REQUEST,
                    "A value in the request cannot be stored (e.g. it contains a NUL character or is out of range).",
                    null);
        }
        String requestId = RequestIds.requestId(request);
        LOG.errorf(e, "request %s %s failed (request-id %s)", request.getMethod(),
                request.getUriInfo().getRequestUri().getRawPath(), requestId);
        return GraphErrorResponses.of(request, 500, ErrorCode.INTERNAL,
                "An internal error occurred; quote request-id " + requestId + " when reporting it.", null);
    }
}

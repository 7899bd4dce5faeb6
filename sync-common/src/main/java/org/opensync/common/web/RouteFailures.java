package org.opensync.common.web;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * Answers in the Graph error shape every failure that reaches Vert.x rather than the JAX-RS exception mappers (whose
 * answers Quarkus would otherwise send with an empty or HTML body): a request the router refuses itself (a chunked
 * body over the limit, 413), a failure in the security layer, or an exception nothing mapped (500, logged).
 */
@ApplicationScoped
public class RouteFailures {
    private static final Logger LOG = Logger.getLogger(RouteFailures.class);

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 5).failureHandler(this::answer);
    }

    private void answer(RoutingContext ctx) {
        Throwable failure = ctx.failure();
        int status = status(ctx.statusCode(), failure);
        if (status == 401 && !ctx.response().headWritten()) {
            ctx.response().putHeader("WWW-Authenticate", "Bearer");
        }
        String requestId = VertxGraphErrors.write(ctx, status, code(status), message(status));
        if (requestId == null) {
            ctx.next();
        } else if (status >= 500) {
            LOG.errorf(failure, "request %s %s failed (request-id %s)", ctx.request().method(), ctx.request().path(),
                    requestId);
        }
    }

    private static int status(int status, Throwable failure) {
        if (failure instanceof AuthenticationFailedException || failure instanceof UnauthorizedException) {
            return 401;
        }
        if (failure instanceof ForbiddenException) {
            return 403;
        }
        return status >= 400 ? status : 500;
    }

    private static ErrorCode code(int status) {
        return switch (status) {
            case 401 -> ErrorCode.UNAUTHENTICATED;
            case 403 -> ErrorCode.ACCESS_DENIED;
            case 404 -> ErrorCode.NOT_FOUND;
            case 405 -> ErrorCode.METHOD_NOT_ALLOWED;
            case 406 -> ErrorCode.NOT_ACCEPTABLE;
            case 413 -> ErrorCode.PAYLOAD_TOO_LARGE;
            case 415 -> ErrorCode.UNSUPPORTED_MEDIA_TYPE;
            case 429 -> ErrorCode.TOO_MANY_REQUESTS;
            case 503 -> ErrorCode.UNAVAILABLE;
            default -> status >= 500 ? ErrorCode.INTERNAL : ErrorCode.INVALID_REQUEST;
        };
    }

    private static String message(int status) {
        return switch (status) {
            case 401 -> "Access token is missing, invalid or expired.";
            case 403 -> "Insufficient privileges to complete the operation.";
            case 413 -> BodyLimit.message();
            default -> status >= 500 ? "An internal error occurred; quote the request-id of this answer when "
                    + "reporting it." : "The request cannot be processed (HTTP " + status + ").";
        };
    }
}

package org.opensync.common.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Answers a request body larger than {@code quarkus.http.limits.max-body-size} with 413 in the Graph error shape
 * (Quarkus' own 413 has an empty body). A body announced by {@code Content-Length} is refused before it is read;
 * it is drained (not kept) so the client can read the answer. A chunked body that outgrows the limit is stopped by
 * Quarkus and its 413 is rewritten by the failure handler when the response is still open.
 */
@ApplicationScoped
public class BodyLimit {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static volatile long limit = 10240L * 1024;

    static String message() {
        return "The request body is larger than " + limit + " bytes, the limit of this service.";
    }

    void install(@Observes Router router) {
        limit = ConfigProvider.getConfig().getOptionalValue("quarkus.http.limits.max-body-size", MemorySize.class)
                .map(MemorySize::asLongValue).orElse(10240L * 1024);
        router.route().order(Integer.MIN_VALUE + 10).handler(this::checkDeclaredLength);
        router.route().order(Integer.MIN_VALUE + 10).failureHandler(this::rewriteTooLarge);
    }

    private void checkDeclaredLength(RoutingContext ctx) {
        String declared = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        long length;
        try {
            length = declared == null ? -1 : Long.parseLong(declared.trim());
        } catch (NumberFormatException e) {
            length = -1;
        }
        if (length <= limit) {
            ctx.next();
            return;
        }
        HttpServerRequest request = ctx.request();
        if (request.isEnded()) {
            reject(ctx);
            return;
        }
        request.handler(ignored -> {
        });
        request.endHandler(ignored -> reject(ctx));
        request.exceptionHandler(ignored -> reject(ctx));
        request.resume();
    }

    private void rewriteTooLarge(RoutingContext ctx) {
        if (ctx.statusCode() == 413 && !ctx.response().headWritten()) {
            reject(ctx);
        } else {
            ctx.next();
        }
    }

    private static void reject(RoutingContext ctx) {
        if (ctx.response().headWritten() || ctx.response().ended() || ctx.response().closed()) {
            return;
        }
        String requestId = UUID.randomUUID().toString();
        String clientRequestId = ctx.request().getHeader(RequestIds.CLIENT_REQUEST_ID);
        GraphError body = GraphErrorResponses.body(ctx.request().path(), requestId, clientRequestId,
                ErrorCode.PAYLOAD_TOO_LARGE, message(), null, null);
        String json;
        try {
            json = JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            json = "{\"error\":{\"code\":\"requestEntityTooLarge\",\"message\":\"" + message() + "\"}}";
        }
        ctx.response().setStatusCode(413)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .putHeader(RequestIds.REQUEST_ID, requestId)
                .putHeader("OData-Version", "4.0");
        if (clientRequestId != null) {
            ctx.response().putHeader(RequestIds.CLIENT_REQUEST_ID, clientRequestId);
        }
        ctx.response().end(json);
    }
}

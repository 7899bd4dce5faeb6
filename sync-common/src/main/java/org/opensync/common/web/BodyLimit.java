package org.opensync.common.web;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Answers a request body larger than {@code quarkus.http.limits.max-body-size} with 413 in the Graph error shape
 * (Quarkus' own 413 has an empty body). A body announced by {@code Content-Length} is refused before it is read;
 * it is drained (not kept) so the client can read the answer. A chunked body that outgrows the limit is stopped by
 * Quarkus, and {@link RouteFailures} writes its 413.
 */
@ApplicationScoped
public class BodyLimit {
    private static volatile long limit = 10240L * 1024;

    static String message() {
        return "The request body is larger than " + limit + " bytes, the limit of this service.";
    }

    void install(@Observes Router router) {
        limit = ConfigProvider.getConfig().getOptionalValue("quarkus.http.limits.max-body-size", MemorySize.class)
                .map(MemorySize::asLongValue).orElse(10240L * 1024);
        router.route().order(Integer.MIN_VALUE + 10).handler(this::checkDeclaredLength);
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

    private static void reject(RoutingContext ctx) {
        VertxGraphErrors.write(ctx, 413, ErrorCode.PAYLOAD_TOO_LARGE, message());
    }
}

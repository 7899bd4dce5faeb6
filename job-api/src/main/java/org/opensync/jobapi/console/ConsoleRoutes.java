package org.opensync.jobapi.console;

import io.vertx.core.MultiMap;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The console's routes besides its static files: {@code /console} to {@code /console/} (the page loads its scripts
 * and styles by relative URLs, which resolve under the directory only with the trailing slash), and the headers of
 * everything under it.
 */
@ApplicationScoped
public class ConsoleRoutes {
    /** Right after RequestScreening, so that only well-formed URLs are looked at. */
    private static final int HEADERS_ORDER = Integer.MIN_VALUE + 10;

    void install(@Observes Router router) {
        // Not a path-matched route (nor a quarkus.http.filter): matching one normalises the path of every request, and
        // a malformed one would fail there with an empty 400 before RequestScreening could answer in the Graph shape
        router.route().order(HEADERS_ORDER).handler(ConsoleRoutes::headers);
        router.routeWithRegex("^/console$").handler(ctx -> ctx.redirect("/console/"));
    }

    /**
     * The files are not versioned by name, so browsers revalidate them (Last-Modified) instead of keeping a stale
     * copy; scripts and styles come from this origin only, fetch also reaches the identity provider (https, or a local
     * one). Set as the headers are written, over the static handler's own caching headers.
     */
    private static void headers(RoutingContext ctx) {
        String path = ctx.request().path();
        if (path != null && (path.equals("/console") || path.startsWith("/console/"))) {
            ctx.addHeadersEndHandler(ignored -> {
                MultiMap headers = ctx.response().headers();
                headers.set("Cache-Control", "no-cache");
                headers.set("X-Content-Type-Options", "nosniff");
                headers.set("Referrer-Policy", "no-referrer");
                headers.set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; connect-src 'self' "
                        + "https: http://127.0.0.1:* http://localhost:*; frame-ancestors 'none'; base-uri 'none'; "
                        + "form-action 'self'");
            });
        }
        ctx.next();
    }
}

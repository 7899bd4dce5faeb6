package org.opensync.jobapi.console;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * {@code /console} to {@code /console/}: the page loads its scripts and styles by relative URLs, which resolve under
 * the directory only with the trailing slash.
 */
@ApplicationScoped
public class ConsoleRedirect {

    void install(@Observes Router router) {
        router.routeWithRegex("^/console$").handler(ctx -> ctx.redirect("/console/"));
    }
}

package org.opensync.jobapi.application;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.net.URI;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Every {@code /servicePrincipals/{id}/synchronization/...} route has an {@code /applications/{id}/synchronization/...}
 * twin. Rather than declaring each twin, the application form is rewritten before routing to the service-principal
 * form with the key {@code application=<key>}, which the service-principal lookup resolves to the application's
 * service principal in the caller's tenant (or 404). Runs after the URL spellings were made canonical.
 */
public class ApplicationTwins {
    /** Prefix of a service-principal key that names the application instead. */
    public static final String APPLICATION_KEY = "application=";

    private static final Pattern TWIN = Pattern.compile("^/(beta|v1\\.0)/applications/([^/]+)(/synchronization(?:/.*)?)$");

    @ServerRequestFilter(preMatching = true, priority = Priorities.USER + 100)
    public void rewrite(ContainerRequestContext request) {
        URI uri = request.getUriInfo().getRequestUri();
        servicePrincipalPath(uri.getRawPath()).ifPresent(path -> request.setRequestUri(
                URI.create(uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery())));
    }

    /** The service-principal form of an application's synchronization path, when it is one. */
    static Optional<String> servicePrincipalPath(String canonicalPath) {
        Matcher twin = TWIN.matcher(canonicalPath);
        if (!twin.matches()) {
            return Optional.empty();
        }
        return Optional.of("/" + twin.group(1) + "/servicePrincipals/" + APPLICATION_KEY + twin.group(2)
                + twin.group(3));
    }
}

package org.opensync.schemaservice.web;

import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import org.opensync.common.web.ODataContext;
import org.opensync.common.web.RelayHeaders;
import org.opensync.schemaservice.config.SchemaServiceConfig;

/**
 * The root URL {@code @odata.context} values are built on: the one the client called on job-api when job-api
 * forwarded the request with the relay key, this service's own otherwise.
 */
@RequestScoped
public class ClientRoot {
    private static final int MAX_LENGTH = 2048;

    private final HttpServerRequest request;
    private final Optional<String> relayKey;

    @Inject
    public ClientRoot(HttpServerRequest request, SchemaServiceConfig config) {
        this.request = request;
        this.relayKey = config.relayKey().filter(key -> !key.isBlank());
    }

    public String metadata(UriInfo uri, String version, String fragment) {
        return forwarded().map(root -> root + "/" + version + "/$metadata#" + fragment)
                .orElseGet(() -> ODataContext.metadata(uri, version, fragment));
    }

    private Optional<String> forwarded() {
        String key = request.getHeader(RelayHeaders.RELAY_KEY);
        String root = request.getHeader(RelayHeaders.CLIENT_ROOT);
        if (relayKey.isEmpty() || key == null || root == null || !MessageDigest.isEqual(
                key.getBytes(StandardCharsets.UTF_8), relayKey.get().getBytes(StandardCharsets.UTF_8))) {
            return Optional.empty();
        }
        return wellFormed(root);
    }

    /** An absolute http(s) URL with a host and nothing after the path; without its trailing slash. */
    static Optional<String> wellFormed(String root) {
        if (root.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(root);
            boolean web = "http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme());
            if (!web || uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawQuery() != null
                    || uri.getRawFragment() != null) {
                return Optional.empty();
            }
            return Optional.of(root.endsWith("/") ? root.substring(0, root.length() - 1) : root);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }
}

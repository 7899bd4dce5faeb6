package org.opensync.connectors.scim;

import java.net.URI;
import java.util.Objects;

/**
 * Where and as whom a SCIM client obtains its access tokens with the OAuth 2.0 client-credentials grant, for
 * applications that do not hand out a long-lived bearer token. The secret never appears in {@link #toString()}.
 *
 * @param scope empty when the token endpoint needs none
 */
public record OAuthClientCredentials(URI tokenEndpoint, String clientId, String clientSecret, String scope) {
    public OAuthClientCredentials {
        Objects.requireNonNull(tokenEndpoint, "tokenEndpoint");
        if (!"https".equalsIgnoreCase(tokenEndpoint.getScheme()) && !"http".equalsIgnoreCase(tokenEndpoint.getScheme())) {
            throw new IllegalArgumentException("the token endpoint must be an http(s) URL: " + tokenEndpoint);
        }
        if (clientId == null || clientId.isBlank() || clientSecret == null || clientSecret.isEmpty()) {
            throw new IllegalArgumentException("a client id and a client secret are required");
        }
        scope = scope == null ? "" : scope;
    }

    @Override
    public String toString() {
        return "OAuthClientCredentials[tokenEndpoint=" + tokenEndpoint + ", clientId=" + clientId + ", secret=***]";
    }
}

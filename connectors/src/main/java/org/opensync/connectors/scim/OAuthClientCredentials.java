package org.opensync.connectors.scim;

import java.net.URI;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Where and as whom a SCIM client obtains its access tokens, for applications that do not hand out a long-lived bearer
 * token: with the OAuth 2.0 client-credentials grant, or with the refresh-token grant when {@code refreshToken} is set
 * (an authorization obtained with acquireAccessToken). {@code onRotation} receives each new refresh token the endpoint
 * hands out in place of the one used, for the caller to keep. The secrets never appear in {@link #toString()}.
 *
 * @param scope        empty when the token endpoint needs none
 * @param refreshToken null for the client-credentials grant
 */
public record OAuthClientCredentials(URI tokenEndpoint, String clientId, String clientSecret, String scope,
                                     String refreshToken, Consumer<String> onRotation) {
    public OAuthClientCredentials {
        Objects.requireNonNull(tokenEndpoint, "tokenEndpoint");
        if (!"https".equalsIgnoreCase(tokenEndpoint.getScheme()) && !"http".equalsIgnoreCase(tokenEndpoint.getScheme())) {
            throw new IllegalArgumentException("the token endpoint must be an http(s) URL: " + tokenEndpoint);
        }
        if (clientId == null || clientId.isBlank() || clientSecret == null || clientSecret.isEmpty()) {
            throw new IllegalArgumentException("a client id and a client secret are required");
        }
        scope = scope == null ? "" : scope;
        refreshToken = refreshToken == null || refreshToken.isEmpty() ? null : refreshToken;
        onRotation = onRotation == null ? rotated -> { } : onRotation;
    }

    /** The client-credentials grant. */
    public OAuthClientCredentials(URI tokenEndpoint, String clientId, String clientSecret, String scope) {
        this(tokenEndpoint, clientId, clientSecret, scope, null, null);
    }

    /** The same client, renewing its tokens with {@code token} (and its successors, handed to {@code rotation}). */
    public OAuthClientCredentials refreshing(String token, Consumer<String> rotation) {
        return new OAuthClientCredentials(tokenEndpoint, clientId, clientSecret, scope, token, rotation);
    }

    @Override
    public String toString() {
        return "OAuthClientCredentials[tokenEndpoint=" + tokenEndpoint + ", clientId=" + clientId + ", secret=***"
                + (refreshToken == null ? "" : ", refreshToken=***") + "]";
    }
}

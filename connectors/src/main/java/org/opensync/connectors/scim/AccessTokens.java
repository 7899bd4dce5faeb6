package org.opensync.connectors.scim;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The access token a SCIM client sends, obtained from the token endpoint with the client-credentials grant, or with
 * the refresh-token grant when an authorization (acquireAccessToken) left a refresh token, and kept until shortly
 * before it expires, so that a cycle of thousands of requests asks the token endpoint once. A token the application
 * refuses (401) is {@link #forget forgotten} and the next request asks for a new one. A refresh token the endpoint
 * replaces (rotation) is used from then on and handed to the credentials' rotation listener, since the one it
 * replaced may no longer work.
 */
final class AccessTokens {
    /** A token is renewed this long before it expires, so a request never leaves with one about to lapse. */
    static final Duration RENEW_BEFORE_EXPIRY = Duration.ofSeconds(60);

    private final OAuthClientCredentials credentials;
    private final TokenEndpoint endpoint;
    private final Clock clock;
    private String token;
    private String refreshToken;
    private Instant renewAt = Instant.MIN;

    AccessTokens(OAuthClientCredentials credentials, TokenEndpoint endpoint, Clock clock) {
        this.credentials = credentials;
        this.endpoint = endpoint;
        this.clock = clock;
        this.refreshToken = credentials.refreshToken();
    }

    /** A token that is valid now, asking the token endpoint only when the kept one is missing or about to expire. */
    synchronized String current(String description) {
        if (token == null || !clock.instant().isBefore(renewAt)) {
            fetch(description);
        }
        return token;
    }

    /** Forgets {@code refused} (the application answered 401 to it); a newer token is kept. */
    synchronized void forget(String refused) {
        if (refused != null && refused.equals(token)) {
            token = null;
        }
    }

    private void fetch(String description) {
        TokenEndpoint.Tokens tokens = endpoint.renew(credentials, refreshToken, description);
        Duration lifetime = tokens.lifetime();
        Duration margin = lifetime.compareTo(RENEW_BEFORE_EXPIRY.multipliedBy(2)) > 0 ? RENEW_BEFORE_EXPIRY
                : lifetime.dividedBy(2);
        token = tokens.accessToken();
        renewAt = clock.instant().plus(lifetime).minus(margin);
        if (refreshToken != null && tokens.refreshToken().filter(rotated -> !rotated.equals(refreshToken))
                .isPresent()) {
            refreshToken = tokens.refreshToken().get();
            credentials.onRotation().accept(refreshToken);
        }
    }
}

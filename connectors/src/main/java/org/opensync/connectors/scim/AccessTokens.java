package org.opensync.connectors.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.ExecutionException;
import org.opensync.connectors.net.EgressDeniedException;
import org.opensync.connectors.net.EgressPolicy;

/**
 * The access token a SCIM client sends, obtained with the client-credentials grant and kept until shortly before it
 * expires, so that a cycle of thousands of requests asks the token endpoint once. A token the application refuses
 * (401) is {@link #forget forgotten} and the next request asks for a new one. Token answers are bounded like SCIM
 * answers, and the token endpoint is subject to the same egress policy as the application.
 */
final class AccessTokens {
    /** A token is renewed this long before it expires, so a request never leaves with one about to lapse. */
    static final Duration RENEW_BEFORE_EXPIRY = Duration.ofSeconds(60);
    /** When the token endpoint does not say how long a token lives. */
    static final Duration DEFAULT_LIFETIME = Duration.ofMinutes(5);
    private static final long MAX_ANSWER_BYTES = 64 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final OAuthClientCredentials credentials;
    private final HttpClient http;
    private final Duration timeout;
    private final EgressPolicy egress;
    private final Clock clock;
    private String token;
    private Instant renewAt = Instant.MIN;

    AccessTokens(OAuthClientCredentials credentials, HttpClient http, Duration timeout, EgressPolicy egress,
                 Clock clock) {
        this.credentials = credentials;
        this.http = http;
        this.timeout = timeout;
        this.egress = egress;
        this.clock = clock;
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
        String what = "token for " + description + " from " + credentials.tokenEndpoint();
        try {
            egress.check(credentials.tokenEndpoint());
        } catch (EgressDeniedException e) {
            throw ScimErrors.egressDenied(what, e);
        }
        String form = "grant_type=client_credentials&client_id=" + encode(credentials.clientId())
                + "&client_secret=" + encode(credentials.clientSecret())
                + (credentials.scope().isEmpty() ? "" : "&scope=" + encode(credentials.scope()));
        HttpRequest request = HttpRequest.newBuilder(credentials.tokenEndpoint()).timeout(timeout)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8)).build();
        HttpResponse<String> response;
        try {
            response = http.sendAsync(request, LimitedBody.handler(MAX_ANSWER_BYTES))
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ScimErrors.transport(ScimErrorCode.Timeout, what, e, true);
        } catch (TimeoutException e) {
            throw ScimErrors.transport(ScimErrorCode.Timeout, what, e, true);
        } catch (ExecutionException e) {
            throw ScimErrors.transport(ScimErrorCode.WebExceptionProtocolError, what, e.getCause(), true);
        }
        if (response.statusCode() / 100 != 2) {
            // 400/401 name a wrong client id or secret: the admin must fix the secrets; 5xx may pass
            throw ScimErrors.fromStatus(ScimTransport.Kind.QUERY, new ScimTransport.Response(
                    response.statusCode() == 400 ? 401 : response.statusCode(), response.body(),
                    response.headers().firstValue("Content-Type").orElse(null), "POST " + credentials.tokenEndpoint()),
                    null, Duration.ZERO, false);
        }
        try {
            JsonNode answer = JSON.readTree(response.body());
            String accessToken = answer.path("access_token").asText("");
            if (accessToken.isEmpty()) {
                throw new IOException("no access_token in the answer");
            }
            long seconds = answer.path("expires_in").asLong(DEFAULT_LIFETIME.toSeconds());
            Duration lifetime = Duration.ofSeconds(Math.max(0, seconds));
            Duration margin = lifetime.compareTo(RENEW_BEFORE_EXPIRY.multipliedBy(2)) > 0 ? RENEW_BEFORE_EXPIRY
                    : lifetime.dividedBy(2);
            token = accessToken;
            renewAt = clock.instant().plus(lifetime).minus(margin);
        } catch (IOException e) {
            throw ScimErrors.transport(ScimErrorCode.SystemForCrossDomainIdentityManagementServiceIncompatible, what,
                    e, false);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}

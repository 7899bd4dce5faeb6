package org.opensync.connectors.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.opensync.connectors.net.EgressDeniedException;
import org.opensync.connectors.net.EgressPolicy;

/**
 * An OAuth 2.0 token endpoint (RFC 6749 §3.2): one grant per call, the client authenticated with its id and secret in
 * the form. The endpoint is subject to the egress policy, each call to the timeout, each answer to a size bound. A
 * refusal is a {@link ScimException} with {@link ScimException#credentialProblem()} (the admin must fix the client,
 * code or refresh token), an endpoint that cannot be reached a transient one.
 */
public final class TokenEndpoint {
    /** When the token endpoint does not say how long a token lives. */
    static final Duration DEFAULT_LIFETIME = Duration.ofMinutes(5);
    private static final long MAX_ANSWER_BYTES = 64 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final Duration timeout;
    private final EgressPolicy egress;

    /** What a grant answered; {@code refreshToken} is empty when the endpoint sent none. */
    public record Tokens(String accessToken, Optional<String> refreshToken, Duration lifetime) {
        @Override
        public String toString() {
            return "Tokens[lifetime=" + lifetime + ", refreshToken=" + (refreshToken.isPresent() ? "***" : "none")
                    + "]";
        }
    }

    public TokenEndpoint(HttpClient http, Duration timeout, EgressPolicy egress) {
        this.http = http;
        this.timeout = timeout;
        this.egress = egress;
    }

    /** The authorization-code grant: trades the code a user's consent produced for tokens. */
    public Tokens exchangeCode(OAuthClientCredentials client, String code, String redirectUri) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        if (redirectUri != null && !redirectUri.isBlank()) {
            form.put("redirect_uri", redirectUri);
        }
        return request(client, form, "tokens for an authorization code");
    }

    /** The client-credentials grant, or the refresh-token grant when {@code refreshToken} is given. */
    Tokens renew(OAuthClientCredentials client, String refreshToken, String description) {
        Map<String, String> form = new LinkedHashMap<>();
        if (refreshToken != null) {
            form.put("grant_type", "refresh_token");
            form.put("refresh_token", refreshToken);
        } else {
            form.put("grant_type", "client_credentials");
        }
        if (!client.scope().isEmpty()) {
            form.put("scope", client.scope());
        }
        return request(client, form, "token for " + description);
    }

    private Tokens request(OAuthClientCredentials client, Map<String, String> grant, String description) {
        URI endpoint = client.tokenEndpoint();
        String what = description + " from " + endpoint;
        try {
            egress.check(endpoint);
        } catch (EgressDeniedException e) {
            throw ScimErrors.egressDenied(what, e);
        }
        Map<String, String> form = new LinkedHashMap<>(grant);
        form.put("client_id", client.clientId());
        form.put("client_secret", client.clientSecret());
        HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(timeout)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form.entrySet().stream()
                        .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                        .collect(Collectors.joining("&")), StandardCharsets.UTF_8)).build();
        HttpResponse<String> response;
        try {
            response = http.send(request, LimitedBody.handler(MAX_ANSWER_BYTES, timeout));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ScimErrors.transport(ScimErrorCode.Timeout, what, e, true);
        } catch (HttpTimeoutException e) {
            throw ScimErrors.transport(ScimErrorCode.Timeout, what, e, true);
        } catch (IOException e) {
            throw ScimErrors.transport(ScimErrorCode.WebExceptionProtocolError, what, e, true);
        }
        if (response.statusCode() / 100 != 2) {
            // 400/401 name a wrong client, code or refresh token: the admin must fix them; 5xx may pass
            throw ScimErrors.fromStatus(ScimTransport.Kind.QUERY, new ScimTransport.Response(
                    response.statusCode() == 400 ? 401 : response.statusCode(), response.body(),
                    response.headers().firstValue("Content-Type").orElse(null), "POST " + endpoint),
                    null, Duration.ZERO, false);
        }
        try {
            JsonNode answer = JSON.readTree(response.body());
            String accessToken = answer.path("access_token").asText("");
            if (accessToken.isEmpty()) {
                throw new IOException("no access_token in the answer");
            }
            String refreshToken = answer.path("refresh_token").asText("");
            long seconds = answer.path("expires_in").asLong(DEFAULT_LIFETIME.toSeconds());
            return new Tokens(accessToken, refreshToken.isEmpty() ? Optional.empty() : Optional.of(refreshToken),
                    Duration.ofSeconds(Math.max(0, seconds)));
        } catch (IOException e) {
            throw ScimErrors.transport(ScimErrorCode.SystemForCrossDomainIdentityManagementServiceIncompatible, what,
                    e, false);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}

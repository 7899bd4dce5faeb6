package org.opensync.sandbox.scim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OAuthGrantsTest extends ScimServerTestBase {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REDIRECT = "https://portal.example/callback";

    @AfterEach
    void clear() {
        server.reset();
    }

    @Test
    void aRegisteredCodeIsExchangedOnceForAnAccessAndARefreshTokenThatGivesNewAccessTokens() throws Exception {
        server.oauth().register("app", "app-secret", Duration.ofMinutes(10));
        server.oauth().registerCode("code-1", "app", REDIRECT);

        HttpResponse<String> exchanged = token("grant_type=authorization_code&code=code-1&redirect_uri="
                + REDIRECT + "&client_id=app&client_secret=app-secret");
        assertThat(exchanged.statusCode()).as(exchanged.body()).isEqualTo(200);
        JsonNode grant = JSON.readTree(exchanged.body());
        String refreshToken = grant.path("refresh_token").asText();
        assertThat(grant.path("access_token").asText()).isNotEmpty();
        assertThat(refreshToken).isNotEmpty();
        assertThat(grant.path("expires_in").asLong()).isEqualTo(600);

        assertThat(token("grant_type=authorization_code&code=code-1&redirect_uri=" + REDIRECT
                + "&client_id=app&client_secret=app-secret").body()).as("a code is good once")
                .contains("invalid_grant");

        HttpResponse<String> refreshed = token("grant_type=refresh_token&refresh_token=" + refreshToken
                + "&client_id=app&client_secret=app-secret");
        assertThat(refreshed.statusCode()).isEqualTo(200);
        JsonNode renewed = JSON.readTree(refreshed.body());
        assertThat(renewed.path("access_token").asText()).isNotEqualTo(grant.path("access_token").asText());
        assertThat(renewed.has("refresh_token")).as("not rotated by default").isFalse();
        assertThat(server.oauth().accepts("Bearer " + renewed.path("access_token").asText())).isTrue();
    }

    @Test
    void rotationEndsTheUsedRefreshTokenAndAWrongClientOrCodeIsRefused() throws Exception {
        server.oauth().register("app", "app-secret", Duration.ofMinutes(10));
        server.oauth().registerCode("code-2", "app", REDIRECT);
        server.oauth().rotateRefreshTokens(true);
        assertThat(token("grant_type=authorization_code&code=code-2&redirect_uri=https://elsewhere"
                + "&client_id=app&client_secret=app-secret").statusCode()).as("wrong redirect URI").isEqualTo(400);
        server.oauth().registerCode("code-2", "app", REDIRECT);
        String first = JSON.readTree(token("grant_type=authorization_code&code=code-2&redirect_uri=" + REDIRECT
                + "&client_id=app&client_secret=app-secret").body()).path("refresh_token").asText();

        String second = JSON.readTree(token("grant_type=refresh_token&refresh_token=" + first
                + "&client_id=app&client_secret=app-secret").body()).path("refresh_token").asText();
        assertThat(second).isNotEmpty().isNotEqualTo(first);
        assertThat(server.oauth().refreshTokenValid(first)).isFalse();
        HttpResponse<String> reused = token("grant_type=refresh_token&refresh_token=" + first
                + "&client_id=app&client_secret=app-secret");
        assertThat(reused.statusCode()).isEqualTo(400);
        assertThat(reused.body()).contains("invalid_grant");

        HttpResponse<String> wrongClient = token("grant_type=refresh_token&refresh_token=" + second
                + "&client_id=app&client_secret=wrong");
        assertThat(wrongClient.statusCode()).isEqualTo(401);
        assertThat(wrongClient.body()).contains("invalid_client");
        assertThat(token("grant_type=password&client_id=app&client_secret=app-secret").body())
                .contains("unsupported_grant_type");
    }

    private static HttpResponse<String> token(String form) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(server.tokenUrl()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }
}

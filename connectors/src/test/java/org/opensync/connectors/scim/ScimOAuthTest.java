package org.opensync.connectors.scim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.opensync.connectors.net.EgressPolicy;
import org.opensync.connectors.net.EgressSettings;

/**
 * Applications that use the OAuth client-credentials grant, or an authorization code exchanged once and its refresh
 * token: the client obtains a token at the token endpoint, keeps it across requests, renews it when it is about to
 * expire or when the application refuses it, keeps a rotated refresh token, and reports wrong client credentials as a
 * credential problem.
 */
class ScimOAuthTest extends SandboxScimServer {

    private ScimClient oauthClient(String secret) {
        return new ScimClient(settings().secretToken("")
                .oauth(new OAuthClientCredentials(URI.create(server.tokenUrl()), "opensync", secret, "scim"))
                .build());
    }

    @Test
    void oneTokenServesManyRequests() {
        server.oauth().register("opensync", "s3cret", Duration.ofHours(1));
        ScimClient client = oauthClient("s3cret");
        for (int i = 0; i < 5; i++) {
            client.create(ScimResourceType.USER, Map.of("userName", "oauth" + i + "@example.org"));
        }
        assertThat(server.users().size()).isEqualTo(5);
        assertThat(server.oauth().issued()).isEqualTo(1);
    }

    @Test
    void aTokenTheApplicationRefusesIsReplacedOnce() {
        server.oauth().register("opensync", "s3cret", Duration.ofHours(1));
        ScimClient client = oauthClient("s3cret");
        client.testConnection();
        server.oauth().revokeAll();
        client.create(ScimResourceType.USER, Map.of("userName", "after-revocation@example.org"));
        assertThat(server.oauth().issued()).isEqualTo(2);
    }

    @Test
    void aShortLivedTokenIsRenewedBeforeItLapses() {
        // lives 1 s: renewed after half of it, so requests a second apart each take a new one
        server.oauth().register("opensync", "s3cret", Duration.ofSeconds(1));
        ScimClient client = oauthClient("s3cret");
        client.testConnection();
        long first = server.oauth().issued();
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> {
            client.testConnection();
            return server.oauth().issued() > first;
        });
    }

    @Test
    void wrongClientCredentialsAreACredentialProblemAndTheSecretIsNeverShown() {
        server.oauth().register("opensync", "s3cret", Duration.ofHours(1));
        ScimClient client = oauthClient("wrong-secret");
        assertThatThrownBy(client::testConnection).isInstanceOfSatisfying(ScimException.class, e -> {
            assertThat(e.status()).isEqualTo(401);
            assertThat(e.credentialProblem()).isTrue();
            assertThat(e.getMessage()).doesNotContain("wrong-secret");
        });
        assertThat(client.settings().toString()).doesNotContain("wrong-secret").contains("secret=***");
        assertThat(server.users().size()).isZero();
    }

    private static final String REDIRECT = "https://portal.example/callback";

    @Test
    void anAuthorizationCodeIsExchangedOnceAndItsRefreshTokenRenewsAccessTokensAndRotates() {
        server.oauth().register("opensync", "s3cret", Duration.ofHours(1));
        server.oauth().registerCode("consent-code", "opensync", REDIRECT);
        OAuthClientCredentials client = new OAuthClientCredentials(URI.create(server.tokenUrl()), "opensync",
                "s3cret", "");
        TokenEndpoint endpoint = new TokenEndpoint(HttpClient.newHttpClient(), Duration.ofSeconds(5),
                EgressPolicy.of(EgressSettings.loopbackAllowed()));
        TokenEndpoint.Tokens tokens = endpoint.exchangeCode(client, "consent-code", REDIRECT);
        assertThat(tokens.refreshToken()).isPresent();
        assertThat(tokens.toString()).doesNotContain(tokens.refreshToken().get());
        assertThatThrownBy(() -> endpoint.exchangeCode(client, "consent-code", REDIRECT)).as("a code is good once")
                .isInstanceOfSatisfying(ScimException.class, e -> assertThat(e.credentialProblem()).isTrue());

        server.oauth().rotateRefreshTokens(true);
        List<String> rotated = new CopyOnWriteArrayList<>();
        ScimClient scim = new ScimClient(settings().secretToken("")
                .oauth(client.refreshing(tokens.refreshToken().get(), rotated::add)).build());
        scim.create(ScimResourceType.USER, Map.of("userName", "refreshed@example.org"));
        assertThat(rotated).hasSize(1).doesNotContain(tokens.refreshToken().get());
        assertThat(server.oauth().refreshTokenValid(rotated.get(0))).isTrue();

        server.oauth().revokeAll();
        scim.testConnection();
        assertThat(rotated).as("the rotated refresh token was used for the renewal after a 401").hasSize(2);
        assertThat(scim.settings().toString()).doesNotContain(rotated.get(0)).doesNotContain(rotated.get(1));
    }
}

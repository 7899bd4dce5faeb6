package org.opensync.connectors.scim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Applications that use the OAuth client-credentials grant: the client obtains a token at the token endpoint, keeps
 * it across requests, renews it when it is about to expire or when the application refuses it, and reports wrong
 * client credentials as a credential problem.
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
}

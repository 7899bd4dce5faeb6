package org.opensync.jobapi;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.opensync.jobapi.CredentialsTest.pair;
import static org.opensync.jobapi.GraphClient.json;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opensync.common.security.GraphPermissions;
import org.opensync.jobapi.synchronization.SecretsService;
import org.opensync.sandbox.scim.ScimServer;
import org.opensync.sandbox.scim.ScimServerConfig;
import org.opensync.testing.TestTokens;

/** acquireAccessToken against the sandbox SCIM application's real token endpoint. */
@QuarkusTest
class AcquireAccessTokenTest {
    private static final String REDIRECT = "https://portal.example/callback";
    private static final String CLIENT_SECRET = "client-secret-5eb63bbbe01e";
    private static ScimServer scim;

    @Inject
    SecretsService secrets;

    @BeforeAll
    static void start() {
        scim = new ScimServer(ScimServerConfig.defaults()).start();
    }

    @AfterAll
    static void stop() {
        scim.stop();
    }

    @BeforeEach
    void register() {
        scim.reset();
        scim.oauth().register("opensync", CLIENT_SECRET, Duration.ofHours(1));
    }

    @Test
    void theCodeIsExchangedAndTheTokensAreSavedWithTheOtherSecretsOnBothVersions() {
        String spId = GraphClient.newServicePrincipal("acquire");
        json("{\"value\":[" + pair("BaseAddress", scim.baseUrl()) + "," + pair("Oauth2TokenExchangeUri",
                scim.tokenUrl()) + "," + pair("Oauth2ClientId", "opensync") + "," + pair("Oauth2ClientSecret",
                CLIENT_SECRET) + "]}").put("/beta/servicePrincipals/" + spId + "/synchronization/secrets")
                .then().statusCode(204);
        scim.oauth().registerCode("code-beta", "opensync", REDIRECT);

        json(credentials(pair("Oauth2AuthorizationCode", "code-beta") + "," + pair("Oauth2RedirectUri", REDIRECT)))
                .post("/beta/servicePrincipals/" + spId + "/synchronization/acquireAccessToken")
                .then().statusCode(204).body(equalTo(""));
        Map<String, String> saved = saved(spId);
        assertThat(saved).containsEntry("BaseAddress", scim.baseUrl()).containsEntry("Oauth2RedirectUri", REDIRECT)
                .containsKeys("Oauth2AccessToken", "Oauth2RefreshToken", "Oauth2AccessTokenCreationTime",
                        "TokenExpiration").doesNotContainKey("Oauth2AuthorizationCode");
        given().auth().oauth2(saved.get("Oauth2AccessToken")).get(scim.baseUrl() + "/Users")
                .then().statusCode(200);
        assertThat(scim.oauth().refreshTokenValid(saved.get("Oauth2RefreshToken"))).isTrue();
        assertThat(Instant.parse(saved.get("TokenExpiration")))
                .isAfter(Instant.parse(saved.get("Oauth2AccessTokenCreationTime")).plus(Duration.ofMinutes(59)));

        // the client given in the request, on v1.0 and the qualified spelling
        scim.oauth().registerCode("code-v1", "opensync", REDIRECT);
        json(credentials(pair("Oauth2AuthorizationCode", "code-v1") + "," + pair("Oauth2RedirectUri", REDIRECT)
                + "," + pair("Oauth2ClientSecret", CLIENT_SECRET)))
                .post("/v1.0/servicePrincipals/" + spId + "/synchronization/microsoft.graph.acquireAccessToken")
                .then().statusCode(204);
        assertThat(saved(spId).get("Oauth2RefreshToken")).isNotEqualTo(saved.get("Oauth2RefreshToken"));
    }

    @Test
    void aCodeTheEndpointRefusesIsACredentialFailureThatShowsNoSecretAndSavesNothing() {
        String spId = GraphClient.newServicePrincipal("acquire-refused");
        json(credentials(client(scim.tokenUrl()) + "," + pair("Oauth2AuthorizationCode", "never-issued")))
                .post("/beta/servicePrincipals/" + spId + "/synchronization/acquireAccessToken")
                .then().statusCode(400)
                .body("error.code", equalTo("CredentialValidationFailed"))
                .body("error.message", not(containsString(CLIENT_SECRET)));
        assertThat(saved(spId)).isEmpty();
    }

    @Test
    void anEndpointNobodyListensOnIsUnavailable() throws IOException {
        String spId = GraphClient.newServicePrincipal("acquire-unreachable");
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        json(credentials(client("http://127.0.0.1:" + port + "/oauth2/token") + ","
                + pair("Oauth2AuthorizationCode", "some-code")))
                .post("/beta/servicePrincipals/" + spId + "/synchronization/acquireAccessToken")
                .then().statusCode(400).body("error.code", equalTo("CredentialValidationUnavailable"));
    }

    @Test
    void malformedOrIncompleteRequestsAndCallersWhoMayNotWriteAreRefused() {
        String spId = GraphClient.newServicePrincipal("acquire-malformed");
        String path = "/beta/servicePrincipals/" + spId + "/synchronization/acquireAccessToken";
        json("{}").post(path).then().statusCode(400).body("error.code", equalTo("invalidRequest"));
        json("{\"credentials\":{\"key\":\"x\"}}").post(path).then().statusCode(400);
        json(credentials(pair("NoSuchKey", "x"))).post(path).then().statusCode(400);
        json(credentials(client(scim.tokenUrl()))).post(path).then().statusCode(400)
                .body("error.message", containsString("Oauth2AuthorizationCode"));
        json(credentials(pair("Oauth2AuthorizationCode", "c") + "," + pair("Oauth2TokenExchangeUri", "ftp://x/t")
                + "," + pair("Oauth2ClientId", "a") + "," + pair("Oauth2ClientSecret", "b"))).post(path)
                .then().statusCode(400).body("error.target", equalTo("Oauth2TokenExchangeUri"));
        given().auth().oauth2(TestTokens.application(GraphPermissions.SYNCHRONIZATION_READ))
                .contentType(ContentType.JSON).body(credentials(pair("Oauth2AuthorizationCode", "c")))
                .post(path).then().statusCode(403);
        json(credentials(pair("Oauth2AuthorizationCode", "c")))
                .post("/beta/servicePrincipals/" + UUID.randomUUID() + "/synchronization/acquireAccessToken")
                .then().statusCode(404).body("error.code", equalTo("itemNotFound"));
    }

    private Map<String, String> saved(String spId) {
        Map<String, String> values = new LinkedHashMap<>();
        QuarkusTransaction.requiringNew().run(() -> secrets.read(UUID.fromString(spId))
                .forEach(entry -> values.put(entry.key(), entry.value())));
        return values;
    }

    private static String client(String tokenUrl) {
        return pair("Oauth2TokenExchangeUri", tokenUrl) + "," + pair("Oauth2ClientId", "opensync") + ","
                + pair("Oauth2ClientSecret", CLIENT_SECRET);
    }

    private static String credentials(String pairs) {
        return "{\"credentials\":[" + pairs + "]}";
    }
}

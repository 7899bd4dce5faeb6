package org.opensync.jobapi;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.opensync.jobapi.GraphClient.json;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opensync.common.security.GraphPermissions;
import org.opensync.sandbox.directory.SlapdTestDirectory;
import org.opensync.sandbox.scim.ScimServer;
import org.opensync.sandbox.scim.ScimServerConfig;
import org.opensync.testing.TestTokens;

/** validateCredentials against the sandbox's real SCIM server and the real slapd; nothing is stored. */
@QuarkusTest
class CredentialsTest {
    private static final String WRONG_TOKEN = "wrong-token-d41d8cd98f00";
    private static final String WRONG_PASSWORD = "wrong-password-8f00b204e98";

    private static ScimServer scim;
    private static SlapdTestDirectory ldap;

    @BeforeAll
    static void start() {
        scim = new ScimServer(ScimServerConfig.defaults()).start();
        ldap = new SlapdTestDirectory();
    }

    @AfterAll
    static void stop() {
        scim.stop();
        ldap.close();
    }

    @Test
    void theApplicationAcceptsItsTokenOnBothVersions() {
        String[] job = GraphClient.newJob();
        json(explicit(scimCredentials(scim.config().bearerToken())))
                .post(GraphClient.jobPath(job) + "/validateCredentials").then().statusCode(204);
        json(explicit(scimCredentials(scim.config().bearerToken())))
                .post(GraphClient.jobPath(job).replace("/beta/", "/v1.0/") + "/validateCredentials")
                .then().statusCode(204);
    }

    @Test
    void aWrongTokenFailsWithoutEchoingIt() {
        String[] job = GraphClient.newJob();
        json(explicit(scimCredentials(WRONG_TOKEN))).post(GraphClient.jobPath(job) + "/validateCredentials")
                .then().statusCode(400)
                .body("error.code", equalTo("CredentialValidationFailed"))
                .body("error.message", containsString("401"))
                .body("error.message", not(containsString(WRONG_TOKEN)));
    }

    @Test
    void anApplicationNobodyListensForIsUnavailable() {
        String[] job = GraphClient.newJob();
        json(explicit(pair("BaseAddress", "http://127.0.0.1:" + freePort() + "/scim") + ","
                + pair("SecretToken", "x-token-value")))
                .post(GraphClient.jobPath(job) + "/validateCredentials").then().statusCode(400)
                .body("error.code", equalTo("CredentialValidationUnavailable"));
    }

    @Test
    void anApplicationThatNeverAnswersTimesOutAsUnavailable() throws IOException {
        String[] job = GraphClient.newJob();
        try (ServerSocket silent = new ServerSocket(0)) {
            json(explicit(pair("BaseAddress", "http://127.0.0.1:" + silent.getLocalPort() + "/scim") + ","
                    + pair("SecretToken", "x-token-value")))
                    .post(GraphClient.jobPath(job) + "/validateCredentials").then().statusCode(400)
                    .body("error.code", equalTo("CredentialValidationUnavailable"))
                    .body("error.message", containsString("Timeout"));
        }
    }

    @Test
    void anAddressTheEgressPolicyRefusesIsUnavailableAndNamesThePolicy() {
        String[] job = GraphClient.newJob();
        json(explicit(pair("BaseAddress", "http://169.254.169.254/scim") + "," + pair("SecretToken", "x-token")))
                .post(GraphClient.jobPath(job) + "/validateCredentials").then().statusCode(400)
                .body("error.code", equalTo("CredentialValidationUnavailable"))
                .body("error.message", containsString("sync.egress"));
    }

    @Test
    void theDirectoryAcceptsTheBindAndShowsTheBaseDn() {
        String[] job = GraphClient.newJob();
        json(explicit(ldapCredentials(SlapdTestDirectory.PASSWORD, ldap.baseDn())))
                .post(GraphClient.jobPath(job) + "/validateCredentials").then().statusCode(204);
    }

    @Test
    void aWrongPasswordOrBaseDnFails() {
        String[] job = GraphClient.newJob();
        json(explicit(ldapCredentials(WRONG_PASSWORD, ldap.baseDn())))
                .post(GraphClient.jobPath(job) + "/validateCredentials").then().statusCode(400)
                .body("error.code", equalTo("CredentialValidationFailed"))
                .body("error.message", containsString("bind"))
                .body("error.message", not(containsString(WRONG_PASSWORD)));
        json(explicit(ldapCredentials(SlapdTestDirectory.PASSWORD, "ou=missing," + ldap.baseDn())))
                .post(GraphClient.jobPath(job) + "/validateCredentials").then().statusCode(400)
                .body("error.code", equalTo("CredentialValidationFailed"))
                .body("error.message", containsString("ou=missing"));
    }

    @Test
    void savedCredentialsAreTestedOnlyWhenAskedFor() {
        String[] job = GraphClient.newJob();
        String path = GraphClient.jobPath(job) + "/validateCredentials";
        json("{\"useSavedCredentials\":true}").post(path).then().statusCode(400)
                .body("error.code", equalTo("invalidRequest"));
        json("{\"value\":[" + scimCredentials(WRONG_TOKEN) + "]}")
                .put("/beta/servicePrincipals/" + job[0] + "/synchronization/secrets").then().statusCode(204);
        json("{\"useSavedCredentials\":true}").post(path).then().statusCode(400)
                .body("error.code", equalTo("CredentialValidationFailed"));
        json(explicit(scimCredentials(scim.config().bearerToken()))).post(path).then().statusCode(204);
        json("{\"value\":[" + scimCredentials(scim.config().bearerToken()) + "]}")
                .put("/beta/servicePrincipals/" + job[0] + "/synchronization/secrets").then().statusCode(204);
        json("{\"useSavedCredentials\":true,\"credentials\":[" + pair("BaseAddress", "http://169.254.169.254/")
                + "]}").post(path).then().statusCode(204);
    }

    @Test
    void theCollectionFormNeedsAKnownTemplate() {
        GraphClient.awaitTemplateCatalogue();
        String spId = GraphClient.newServicePrincipal("validate-before-job");
        String path = "/beta/servicePrincipals/" + spId + "/synchronization/jobs/validateCredentials";
        json(explicit(scimCredentials(scim.config().bearerToken()))).post(path).then().statusCode(400)
                .body("error.code", equalTo("invalidRequest")).body("error.target", equalTo("templateId"));
        json("{\"templateId\":\"no-such-template\",\"credentials\":[" + scimCredentials(scim.config().bearerToken())
                + "]}").post(path).then().statusCode(400).body("error.target", equalTo("templateId"));
        json("{\"templateId\":\"scim\",\"applicationIdentifier\":\"ignored\",\"credentials\":["
                + scimCredentials(scim.config().bearerToken()) + "]}").post(path).then().statusCode(204);
    }

    @Test
    void badBodiesAreRefused() {
        String[] job = GraphClient.newJob();
        String path = GraphClient.jobPath(job) + "/validateCredentials";
        json("{}").post(path).then().statusCode(400).body("error.target", equalTo("credentials"));
        json("[]").post(path).then().statusCode(400).body("error.code", equalTo("invalidRequest"));
        json("{\"useSavedCredentials\":\"yes\"}").post(path).then().statusCode(400);
        json(explicit(pair("SyncAll", "True"))).post(path).then().statusCode(400)
                .body("error.target", equalTo("credentials"));
        json(explicit(pair("NoSuchKey", "x"))).post(path).then().statusCode(400);
        json(explicit(pair("BaseAddress", "ftp://example.org/scim"))).post(path).then().statusCode(400)
                .body("error.code", equalTo("invalidRequest"));
    }

    @Test
    void aReadOnlyCallerIsRefusedAndAnUnknownJobIsNotFound() {
        String[] job = GraphClient.newJob();
        given().auth().oauth2(TestTokens.application(GraphPermissions.SYNCHRONIZATION_READ))
                .contentType(ContentType.JSON).body(explicit(scimCredentials(scim.config().bearerToken())))
                .post(GraphClient.jobPath(job) + "/validateCredentials").then().statusCode(403);
        json(explicit(scimCredentials(scim.config().bearerToken())))
                .post("/beta/servicePrincipals/" + job[0] + "/synchronization/jobs/scim.nosuchjob/validateCredentials")
                .then().statusCode(404).body("error.code", equalTo("itemNotFound"));
    }

    static String scimCredentials(String token) {
        return pair("BaseAddress", scim.baseUrl()) + "," + pair("SecretToken", token);
    }

    static String ldapCredentials(String password, String baseDn) {
        return pair("Server", SlapdTestDirectory.URL) + "," + pair("UserName", SlapdTestDirectory.BIND_DN) + ","
                + pair("Password", password) + "," + pair("Domain", baseDn);
    }

    static String pair(String key, String value) {
        return "{\"key\":\"" + key + "\",\"value\":\"" + value + "\"}";
    }

    private static String explicit(String pairs) {
        return "{\"useSavedCredentials\":false,\"credentials\":[" + pairs + "]}";
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package org.opensync.jobapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.opensync.jobapi.GraphClient.asAdmin;
import static org.opensync.jobapi.GraphClient.json;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opensync.testing.fuzz.FuzzRequest;
import org.opensync.testing.fuzz.RawHttp;

/** Bounded sizes: a value over a limit gets a Graph 400 naming its JSON path, a body over the limit a Graph 413. */
@QuarkusTest
class LimitsTest {

    @Test
    void aSecretValueOfOnePointFiveMegabytesIsRefusedWithItsPath() {
        String spId = GraphClient.newServicePrincipal("limits-secret");
        String huge = "x".repeat(1_500_000);
        json("{\"value\":[{\"key\":\"BaseAddress\",\"value\":\"https://scim.example/v2\"},"
                + "{\"key\":\"SecretToken\",\"value\":\"" + huge + "\"}]}")
                .put("/beta/servicePrincipals/" + spId + "/synchronization/secrets")
                .then().statusCode(400)
                .body("error.code", equalTo("invalidRequest"))
                .body("error.target", equalTo("value[1].value"))
                .body("error.message", containsString("16384"))
                .body("error.innerError.request-id", notNullValue());
        json("{\"secrets\":[{\"key\":\"SecretToken\",\"value\":\"" + "y".repeat(16_385) + "\"}]}")
                .put("/beta/servicePrincipals/" + spId + "/synchronization")
                .then().statusCode(400).body("error.target", equalTo("secrets[0].value"));
        asAdmin().get("/beta/servicePrincipals/" + spId + "/synchronization/secrets/$count")
                .then().statusCode(200).body(equalTo("0"));
    }

    @Test
    void secretsAreLimitedInNumberAndTotalSize() {
        String spId = GraphClient.newServicePrincipal("limits-secret-count");
        StringBuilder many = new StringBuilder("[");
        for (int i = 0; i < 65; i++) {
            many.append(i == 0 ? "" : ",").append("{\"key\":\"BaseAddress\",\"value\":\"x\"}");
        }
        json(many.append("]").toString()).put("/beta/servicePrincipals/" + spId + "/synchronization/secrets")
                .then().statusCode(400).body("error.message", containsString("64"));
        String value = "z".repeat(16_000);
        StringBuilder big = new StringBuilder("{\"value\":[");
        String[] keys = {"BaseAddress", "SecretToken", "Server", "UserName", "Password", "Domain", "ClientSecret",
                "ClientIdentifier", "TokenKey", "AppKey", "ConsumerKey", "ConsumerSecret", "Oauth2AccessToken",
                "Oauth2RefreshToken", "Oauth2ClientSecret", "Oauth2AuthorizationCode", "Oauth2TokenExchangeUri",
                "ConnectionString"};
        for (int i = 0; i < keys.length; i++) {
            big.append(i == 0 ? "" : ",").append("{\"key\":\"").append(keys[i]).append("\",\"value\":\"")
                    .append(value).append("\"}");
        }
        json(big.append("]}").toString()).put("/beta/servicePrincipals/" + spId + "/synchronization/secrets")
                .then().statusCode(400).body("error.message", containsString("262144"))
                .body("error.target", equalTo("value[16].value"));
    }

    @Test
    void aBodyOverTheLimitGetsAGraph413() {
        String spId = GraphClient.newServicePrincipal("limits-body");
        byte[] body = ("{\"value\":[{\"key\":\"SecretToken\",\"value\":\"" + "x".repeat(3 * 1024 * 1024) + "\"}]}")
                .getBytes();
        asAdmin().contentType(ContentType.JSON).body(body)
                .put("/beta/servicePrincipals/" + spId + "/synchronization/secrets")
                .then().statusCode(413)
                .body("error.code", equalTo("requestEntityTooLarge"))
                .body("error.message", containsString("2097152"))
                .body("error.innerError.request-id", notNullValue());
    }

    /** Far beyond the URL and header limits (and the HTTP codec's old 64 KiB): still a Graph error, never empty. */
    @Test
    void aHugeUrlOrHeaderGetsAGraph414Or431() throws IOException {
        RawHttp http = new RawHttp("127.0.0.1", RestAssured.port);
        RawHttp.Response longUrl = http.send(new FuzzRequest("huge URL", "GET",
                "/beta/servicePrincipals/" + "x".repeat(100 * 1024), Map.of(), null, false));
        assertThat(longUrl.status()).isEqualTo(414);
        assertThat(longUrl.bodyText()).contains("{\"error\":{\"code\":", "request-id", "8192 characters");
        RawHttp.Response hugeHeader = http.send(new FuzzRequest("huge header", "GET", "/beta/servicePrincipals",
                Map.of("X-Huge", "h".repeat(200 * 1024)), null, false));
        assertThat(hugeHeader.status()).isEqualTo(431);
        assertThat(hugeHeader.bodyText()).contains("{\"error\":{\"code\":", "request-id", "bytes");
    }

    @Test
    void jobSettingsAreLimited() {
        String[] job = GraphClient.newJob();
        json("{\"synchronizationJobSettings\":[{\"name\":\"a\",\"value\":\"" + "v".repeat(4097) + "\"}]}")
                .patch(GraphClient.jobPath(job))
                .then().statusCode(400).body("error.target", equalTo("synchronizationJobSettings[0].value"));
    }
}

package org.opensync.jobapi;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.opensync.jobapi.GraphClient.jobPath;
import static org.opensync.jobapi.GraphClient.newJob;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opensync.common.security.GraphPermissions;
import org.opensync.testing.TestTokens;

/** provisionOnDemand as job-api serves it: checks, rate limit, and the forwarding to the provisioner. */
@QuarkusTest
class ProvisionOnDemandTest {
    private static final String WRITER = TestTokens.application(GraphPermissions.SYNCHRONIZATION_READ_WRITE);
    private static final String USER = "{\"objectId\":\"uid=a,dc=example,dc=org\",\"objectTypeName\":\"User\"}";

    @Test
    void aValidRequestIsForwardedWithTheCallersTokenAndAnsweredAsAStringKeyStringValuePair() {
        String[] job = newJob();
        provision(WRITER, jobPath(job), body("r1", USER)).statusCode(200)
                .body("'@odata.context'", endsWith("/beta/$metadata#microsoft.graph.stringKeyStringValuePair"))
                .body("key", equalTo("{\"result\":\"Success\",\"details\":{}}"))
                .body("value", equalTo("{}"));
        ProvisionerStandIn.Request forwarded = ProvisionerStandIn.LAST.get();
        assertThat(forwarded.path()).isEqualTo("/internal/jobs/" + job[1] + "/provisionOnDemand");
        assertThat(forwarded.authorization()).isEqualTo("Bearer " + WRITER);
        assertThat(forwarded.body()).contains("uid=a,dc=example,dc=org");

        provision(WRITER, jobPath(job).replace("/beta/", "/v1.0/"), body("r1", USER)).statusCode(200)
                .body("'@odata.context'", endsWith("/v1.0/$metadata#microsoft.graph.stringKeyStringValuePair"));
    }

    @Test
    void malformedBodiesAreRefusedBeforeTheProvisionerIsCalled() {
        String path = jobPath(newJob());
        ProvisionerStandIn.LAST.set(null);
        provision(WRITER, path, "{}").statusCode(400).body("error.target", equalTo("parameters"));
        provision(WRITER, path, "{\"parameters\":[]}").statusCode(400);
        provision(WRITER, path, body("r1", "")).statusCode(400)
                .body("error.target", equalTo("parameters[0].subjects"));
        provision(WRITER, path, body("r1", USER + "," + USER)).statusCode(400);
        provision(WRITER, path, body("r1", "{\"objectId\":\"g\",\"objectTypeName\":\"Group\",\"links\":{\"members\":["
                + (USER + ",").repeat(5) + USER + "]}}")).statusCode(400)
                .body("error.message", containsString("at most 5"));
        provision(WRITER, path, "not json").statusCode(400);
        given().auth().oauth2(WRITER).contentType(ContentType.TEXT).body(body("r1", USER)).post(path + "/provisionOnDemand")
                .then().statusCode(415).body("error.code", notNullValue());
        assertThat(ProvisionerStandIn.LAST.get()).isNull();
    }

    @Test
    void unknownJobsMissingPermissionsAndOtherTenantsAreRefused() {
        String[] job = newJob();
        provision(WRITER, "/beta/servicePrincipals/" + job[0] + "/synchronization/jobs/scim.nope",
                body("r1", USER)).statusCode(404).body("error.code", equalTo("itemNotFound"));
        provision(WRITER, "/beta/servicePrincipals/" + UUID.randomUUID() + "/synchronization/jobs/" + job[1],
                body("r1", USER)).statusCode(404);
        provision(TestTokens.application(GraphPermissions.SYNCHRONIZATION_READ), jobPath(job), body("r1", USER))
                .statusCode(403).body("error.code", equalTo("accessDenied"));
        provision(TestTokens.applicationIn(UUID.randomUUID().toString(), GraphPermissions.SYNCHRONIZATION_READ_WRITE),
                jobPath(job), body("r1", USER)).statusCode(404);
        given().contentType(ContentType.JSON).body(body("r1", USER)).post(jobPath(job) + "/provisionOnDemand")
                .then().statusCode(401);
    }

    @Test
    void theSixthRequestWithinTenSecondsIsThrottledWithRetryAfter() {
        String path = jobPath(newJob());
        for (int i = 0; i < 5; i++) {
            provision(WRITER, path, body("r1", USER)).statusCode(200);
        }
        String retryAfter = provision(WRITER, path, body("r1", USER)).statusCode(429)
                .body("error.code", equalTo("activityLimitReached")).extract().header("Retry-After");
        assertThat(Integer.parseInt(retryAfter)).isBetween(1, 10);
        provision(WRITER, jobPath(newJob()), body("r1", USER)).statusCode(200);
    }

    @Test
    void theProvisionersRefusalIsRelayedAndItsFailureIsAServiceUnavailable() {
        String path = jobPath(newJob());
        provision(WRITER, path, body(ProvisionerStandIn.REFUSED_RULE, USER)).statusCode(400)
                .body("error.code", equalTo("invalidRequest"));
        provision(WRITER, path, body(ProvisionerStandIn.FAILING_RULE, USER)).statusCode(503)
                .header("Retry-After", notNullValue()).body("error.code", equalTo("serviceNotAvailable"));
    }

    private static String body(String ruleId, String subjects) {
        return "{\"parameters\":[{\"ruleId\":\"" + ruleId + "\",\"subjects\":[" + subjects + "]}]}";
    }

    private static ValidatableResponse provision(String token, String jobPath, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .post(jobPath + "/provisionOnDemand").then();
    }
}

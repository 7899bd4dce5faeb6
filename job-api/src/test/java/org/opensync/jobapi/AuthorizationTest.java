package org.opensync.jobapi;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.opensync.jobapi.GraphClient.jobPath;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opensync.common.security.GraphPermissions;
import org.opensync.testing.TestTokens;

@QuarkusTest
class AuthorizationTest {

    @Test
    void missingForgedOrExpiredTokensAreUnauthenticated() {
        String[] job = GraphClient.newJob();
        given().get(jobPath(job)).then().statusCode(401)
                .header("WWW-Authenticate", equalTo("Bearer"))
                .body("error.code", equalTo("InvalidAuthenticationToken"));
        given().auth().oauth2(TestTokens.forged(GraphPermissions.SYNCHRONIZATION_READ_WRITE)).get(jobPath(job))
                .then().statusCode(401).body("error.code", equalTo("InvalidAuthenticationToken"));
        given().auth().oauth2(TestTokens.expired(GraphPermissions.SYNCHRONIZATION_READ_WRITE)).get(jobPath(job))
                .then().statusCode(401);
        given().auth().oauth2("not-a-jwt").post(jobPath(job) + "/start").then().statusCode(401);
        GraphClient.getJob(job).body("schedule.state", equalTo("Disabled"));
    }

    @Test
    void tokensForAnotherApiOrFromAnotherIssuerAreUnauthenticated() {
        String[] job = GraphClient.newJob();
        given().auth().oauth2(TestTokens.applicationForAudience("https://graph.microsoft.com",
                GraphPermissions.SYNCHRONIZATION_READ_WRITE)).get(jobPath(job)).then().statusCode(401)
                .body("error.code", equalTo("InvalidAuthenticationToken"));
        given().auth().oauth2(TestTokens.delegatedForAudience("api://another-api",
                GraphPermissions.SYNCHRONIZATION_READ_WRITE)).post(jobPath(job) + "/start").then().statusCode(401);
        given().auth().oauth2(TestTokens.otherIssuer(GraphPermissions.SYNCHRONIZATION_READ_WRITE)).get(jobPath(job))
                .then().statusCode(401);
        GraphClient.getJob(job).body("schedule.state", equalTo("Disabled"));
    }

    @Test
    void groupsGrantNothingUnlessMapped() {
        String[] job = GraphClient.newJob();
        given().auth().oauth2(TestTokens.groupsOnly(GraphPermissions.SYNCHRONIZATION_READ_WRITE,
                GraphPermissions.SYNCHRONIZATION_READ)).get(jobPath(job)).then().statusCode(403)
                .body("error.code", equalTo("accessDenied"));
        // application.properties (%test) maps group "sync-readers" to Synchronization.Read.All
        given().auth().oauth2(TestTokens.groupsOnly("sync-readers")).get(jobPath(job)).then().statusCode(200);
        given().auth().oauth2(TestTokens.groupsOnly("sync-readers")).post(jobPath(job) + "/start").then()
                .statusCode(403);
    }

    @Test
    void readPermissionCannotChangeJobs() {
        String[] job = GraphClient.newJob();
        String reader = TestTokens.application(GraphPermissions.SYNCHRONIZATION_READ);
        given().auth().oauth2(reader).get(jobPath(job)).then().statusCode(200);
        given().auth().oauth2(reader).post(jobPath(job) + "/start").then().statusCode(403)
                .body("error.code", equalTo("accessDenied"));
        given().auth().oauth2(reader).delete(jobPath(job)).then().statusCode(403);
        GraphClient.getJob(job).body("schedule.state", equalTo("Disabled"));
    }

    @Test
    void applicationPermissionsDoNotGrantSynchronizationAndViceVersa() {
        String[] job = GraphClient.newJob();
        given().auth().oauth2(TestTokens.application(GraphPermissions.APPLICATION_READ_WRITE)).get(jobPath(job))
                .then().statusCode(403);
        given().auth().oauth2(TestTokens.application(GraphPermissions.SYNCHRONIZATION_READ_WRITE))
                .contentType(ContentType.JSON).body("{\"appId\":\"" + UUID.randomUUID() + "\"}")
                .post("/beta/servicePrincipals")
                .then().statusCode(403).body("error.code", equalTo("Authorization_RequestDenied"));
        given().auth().oauth2(TestTokens.application()).get("/beta/servicePrincipals").then().statusCode(403);
    }

    @Test
    void delegatedScopesAndHigherPermissionsAreHonoured() {
        String[] job = GraphClient.newJob();
        given().auth().oauth2(TestTokens.delegated(GraphPermissions.SYNCHRONIZATION_READ_WRITE))
                .post(jobPath(job) + "/pause").then().statusCode(204);
        given().auth().oauth2(TestTokens.application(GraphPermissions.DIRECTORY_READ_WRITE))
                .post(jobPath(job) + "/start").then().statusCode(204);
        given().auth().oauth2(TestTokens.delegated(GraphPermissions.DIRECTORY_READ))
                .get("/beta/servicePrincipals/" + job[0]).then().statusCode(200);
        given().auth().oauth2(TestTokens.delegated(GraphPermissions.DIRECTORY_READ))
                .delete("/beta/servicePrincipals/" + job[0]).then().statusCode(403);
    }

    @Test
    void healthAndMetricsNeedNoToken() {
        given().get("/q/health").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200);
        given().get("/q/openapi").then().statusCode(200);
    }
}

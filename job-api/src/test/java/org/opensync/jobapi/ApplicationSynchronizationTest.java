package org.opensync.jobapi;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.opensync.jobapi.GraphClient.asAdmin;
import static org.opensync.jobapi.GraphClient.json;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opensync.common.security.GraphPermissions;
import org.opensync.testing.TestTokens;

/** {@code /applications/{id}/synchronization/...}: the twin of every service-principal synchronization route. */
@QuarkusTest
class ApplicationSynchronizationTest {

    @Test
    void aJobCreatedAndStartedThroughTheApplicationIsTheServicePrincipalsJob() {
        GraphClient.awaitTemplateCatalogue();
        JsonPath created = ApplicationTemplateTest.instantiate("twin-" + UUID.randomUUID());
        String app = "/beta/applications/" + created.getString("application.id") + "/synchronization";
        String spId = created.getString("servicePrincipal.id");

        String jobId = json("{\"templateId\":\"scim\"}").post(app + "/jobs").then().statusCode(201)
                .extract().path("id");
        json("{\"value\":[{\"key\":\"BaseAddress\",\"value\":\"https://scim.example.org\"},"
                + "{\"key\":\"SecretToken\",\"value\":\"t\"}]}").put(app + "/secrets").then().statusCode(204);
        asAdmin().post(app + "/jobs/" + jobId + "/start").then().statusCode(204);
        GraphClient.getJob(new String[]{spId, jobId}).body("schedule.state", equalTo("Active"));
        asAdmin().post(app.replace("/beta/", "/v1.0/") + "/jobs/" + jobId + "/microsoft.graph.pause()")
                .then().statusCode(204);
        GraphClient.getJob(new String[]{spId, jobId}).body("schedule.state", equalTo("Paused"));

        asAdmin().get(app + "/jobs").then().statusCode(200).body("value", hasSize(1))
                .body("'@odata.context'", endsWith("#servicePrincipals('" + spId + "')/synchronization/jobs"));
        asAdmin().get(app + "/jobs/$count").then().statusCode(200).body(equalTo("1"));
        asAdmin().get(app).then().statusCode(200).body("id", equalTo(spId));
        asAdmin().get(app + "/Ping()").then().statusCode(200).body("value", equalTo("Pong"));
        asAdmin().get(app + "/templates").then().statusCode(200)
                .body("answeredBy", equalTo("schema-service stand-in"));
        String appId = created.getString("application.appId");
        asAdmin().urlEncodingEnabled(false).get("/v1.0/applications(appId='" + appId + "')/synchronization/jobs/"
                + jobId).then().statusCode(200).body("id", equalTo(jobId));
    }

    @Test
    void anUnknownApplicationIs404() {
        asAdmin().get("/beta/applications/" + UUID.randomUUID() + "/synchronization/jobs").then().statusCode(404)
                .body("error.code", equalTo("itemNotFound")).body("error.message", containsString("does not exist"));
        asAdmin().get("/beta/applications/not-a-guid/synchronization").then().statusCode(404);
        asAdmin().post("/beta/applications/" + UUID.randomUUID() + "/synchronization/jobs/j/start").then()
                .statusCode(404);
    }

    @Test
    void theApplicationFormNeedsTheSamePermissions() {
        JsonPath created = ApplicationTemplateTest.instantiate("twin-permissions");
        String app = "/beta/applications/" + created.getString("application.id") + "/synchronization";
        String reader = TestTokens.application(GraphPermissions.SYNCHRONIZATION_READ);
        given().auth().oauth2(reader).get(app + "/jobs").then().statusCode(200);
        given().auth().oauth2(reader).contentType("application/json").body("{\"templateId\":\"scim\"}")
                .post(app + "/jobs").then().statusCode(403);
        given().auth().oauth2(TestTokens.application(GraphPermissions.APPLICATION_READ_WRITE)).get(app + "/jobs")
                .then().statusCode(403);
    }
}

package org.opensync.jobapi;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opensync.common.events.Topics;
import org.opensync.common.security.GraphPermissions;
import org.opensync.testing.TestTokens;
import org.opensync.testing.TopicProbe;

/**
 * Application.ReadWrite.OwnedBy: an application manages the service principals it created and their jobs, and
 * sees nothing of anyone else's.
 */
@QuarkusTest
class OwnedByAccessTest {
    private static final String SERVICE_PRINCIPALS = "/beta/servicePrincipals";

    private static RequestSpecification as(String appId) {
        return given().auth().oauth2(TestTokens.applicationOf(appId, GraphPermissions.APPLICATION_READ_WRITE_OWNED_BY));
    }

    private static String createServicePrincipal(RequestSpecification caller) {
        return caller.contentType(ContentType.JSON).body("{\"appId\":\"" + UUID.randomUUID() + "\"}")
                .post(SERVICE_PRINCIPALS).then().statusCode(201).extract().path("id");
    }

    @Test
    void anApplicationManagesWhatItCreatedWithOwnedByAlone() {
        GraphClient.awaitTemplateCatalogue();
        String app = UUID.randomUUID().toString();
        String spId = createServicePrincipal(as(app));
        as(app).get(SERVICE_PRINCIPALS + "/" + spId).then().statusCode(200);
        String jobs = SERVICE_PRINCIPALS + "/" + spId + "/synchronization/jobs";
        try (TopicProbe commands = TopicProbe.fromNow(Topics.JOB_COMMANDS)) {
            String jobId = as(app).contentType(ContentType.JSON).body("{\"templateId\":\"scim\"}").post(jobs)
                    .then().statusCode(201).extract().path("id");
            assertThat(commands.awaitOne(TopicProbe.keyed(jobId), Duration.ofSeconds(20)).value())
                    .contains("\"ownerAppId\":\"" + app + "\"");
            as(app).post(jobs + "/" + jobId + "/start").then().statusCode(204);
            as(app).get(jobs + "/" + jobId).then().statusCode(200).body("schedule.state", equalTo("Active"));
            as(app).contentType(ContentType.JSON).body("{\"value\":[{\"key\":\"BaseAddress\","
                    + "\"value\":\"https://scim.example.com/v2\"}]}")
                    .put(SERVICE_PRINCIPALS + "/" + spId + "/synchronization/secrets").then().statusCode(204);
            as(app).delete(jobs + "/" + jobId).then().statusCode(204);
        }
        as(app).delete(SERVICE_PRINCIPALS + "/" + spId).then().statusCode(204);
    }

    @Test
    void othersServicePrincipalsAreNeitherListedNorReachable() {
        String app = UUID.randomUUID().toString();
        String own = createServicePrincipal(as(app));
        String[] adminJob = GraphClient.newJob();
        String otherApps = createServicePrincipal(as(UUID.randomUUID().toString()));

        List<String> listed = as(app).get(SERVICE_PRINCIPALS).then().statusCode(200).extract().path("value.id");
        assertThat(listed).containsExactly(own);
        assertThat(as(app).get(SERVICE_PRINCIPALS + "/$count").then().statusCode(200).extract().asString())
                .isEqualTo("1");

        for (String foreign : List.of(adminJob[0], otherApps)) {
            as(app).get(SERVICE_PRINCIPALS + "/" + foreign).then().statusCode(403)
                    .body("error.code", equalTo("Authorization_RequestDenied"));
            as(app).delete(SERVICE_PRINCIPALS + "/" + foreign).then().statusCode(403);
            as(app).get(SERVICE_PRINCIPALS + "/" + foreign + "/synchronization/jobs").then().statusCode(403)
                    .body("error.code", equalTo("accessDenied"));
        }
        as(app).post(GraphClient.jobPath(adminJob) + "/start").then().statusCode(403);
        as(app).get(GraphClient.jobPath(adminJob) + "/schema").then().statusCode(403);
        GraphClient.getJob(adminJob).body("schedule.state", equalTo("Disabled"));
        as(app).get("/beta/auditLogs/provisioning").then().statusCode(403);
    }
}

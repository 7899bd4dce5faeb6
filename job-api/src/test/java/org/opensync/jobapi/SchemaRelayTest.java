package org.opensync.jobapi;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.opensync.common.events.TemplatePublished;
import org.opensync.common.events.Topics;
import org.opensync.jobapi.template.SynchronizationTemplate;
import org.opensync.testing.EventPublisher;
import org.junit.jupiter.api.Test;

/**
 * Template and schema routes go on to schema-service (here its stand-in) with the root URL the client called and the
 * relay key, so schema-service's {@code @odata.context} names job-api, and template writes are forwarded too.
 */
@QuarkusTest
class SchemaRelayTest {

    @Test
    void theClientRootAndTheRelayKeyGoAlong() {
        String spId = GraphClient.newServicePrincipal("relay-" + UUID.randomUUID());
        String templates = "/v1.0/servicePrincipals/" + spId + "/synchronization/templates";
        GraphClient.asAdmin().get(templates).then().statusCode(200)
                .body("answeredBy", equalTo("schema-service stand-in"))
                .body("clientRoot", equalTo("http://localhost:" + RestAssured.port + "/"))
                .body("relayKey", equalTo("test-relay-key"));
        String[] job = GraphClient.newJob();
        GraphClient.asAdmin().get(GraphClient.jobPath(job) + "/schema/directories/$count").then().statusCode(200)
                .body("clientRoot", equalTo("http://localhost:" + RestAssured.port + "/"));
    }

    @Test
    void aJobIsMadeOfTheServicePrincipalsOwnTemplateWhichOthersDoNotSee() {
        GraphClient.awaitTemplateCatalogue();
        String spId = GraphClient.newServicePrincipal("own-template-" + UUID.randomUUID());
        String key = TemplatePublished.customKey(spId, "hr-scim");
        EventPublisher.publish(Topics.TEMPLATES, new TemplatePublished(UUID.randomUUID().toString(), Instant.now(),
                key, "CustomSCIM", List.of("BaseAddress"), Map.of()));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> SynchronizationTemplate.findById(key) != null));

        String other = GraphClient.newServicePrincipal("other-" + UUID.randomUUID());
        GraphClient.json("{\"templateId\":\"hr-scim\"}").post("/beta/servicePrincipals/" + other
                + "/synchronization/jobs").then().statusCode(400)
                .body("error.message", containsString("available: ["))
                .body("error.message", not(containsString("hr-scim]")))
                .body("error.message", not(containsString("hr-scim,")))
                .body("error.message", not(containsString(spId)));
        GraphClient.json("{\"templateId\":\"" + key + "\"}").post("/beta/servicePrincipals/" + other
                + "/synchronization/jobs").then().statusCode(400);
        GraphClient.json("{\"templateId\":\"hr-scim\"}").post("/beta/servicePrincipals/" + spId
                + "/synchronization/jobs").then().statusCode(201)
                .body("templateId", equalTo("hr-scim"))
                .body("id", startsWith("hr-scim."));
    }

    @Test
    void templateWritesAreForwardedWithTheServicePrincipalsObjectId() {
        String spId = GraphClient.newServicePrincipal("relay-" + UUID.randomUUID());
        String templates = "/beta/servicePrincipals/" + spId + "/synchronization/templates";
        GraphClient.json("{\"id\":\"mine\"}").post(templates).then().statusCode(200)
                .body("method", equalTo("POST")).body("path", equalTo(templates));
        GraphClient.json("{}").put(templates + "/mine").then().statusCode(200).body("method", equalTo("PUT"));
        GraphClient.json("{}").patch(templates + "/mine/schema").then().statusCode(200)
                .body("method", equalTo("PATCH")).body("path", equalTo(templates + "/mine/schema"));
        GraphClient.asAdmin().delete(templates + "/mine").then().statusCode(200).body("method", equalTo("DELETE"));
        GraphClient.asAdmin().delete("/beta/servicePrincipals/" + UUID.randomUUID() + "/synchronization/templates/x")
                .then().statusCode(404);
    }
}

package org.opensync.schemaservice;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.opensync.schemaservice.Requests.authorized;
import static org.opensync.schemaservice.Requests.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opensync.common.events.JobCommand;
import org.opensync.common.events.Topics;
import org.opensync.common.security.GraphPermissions;
import org.opensync.common.tenancy.Tenants;
import org.opensync.testing.EventPublisher;
import org.opensync.testing.TopicProbe;
import org.opensync.testing.TestTokens;

/** Templates created through the API: one service principal's own, editable; built-in ones are read-only. */
@QuarkusTest
class CustomTemplateTest {
    private static final String HR = "{\"id\":\"hr-scim\",\"factoryTag\":\"CustomSCIM\",\"description\":\"HR\","
            + "\"discoverable\":true}";

    @Inject
    ObjectMapper mapper;

    @Test
    void aTemplateIsCreatedListedReplacedAndDeletedForItsServicePrincipalOnly() {
        String templates = templates(UUID.randomUUID());
        json(HR).post(templates).then().statusCode(201)
                .body("'@odata.context'", equalTo("http://localhost:" + io.restassured.RestAssured.port
                        + "/beta/$metadata#servicePrincipals('" + spOf(templates)
                        + "')/synchronization/templates/$entity"))
                .body("id", equalTo("hr-scim"))
                .body("schema.id", equalTo("hr-scim"))
                .body("schema.version", startsWith("date:"))
                .body("schema.directories.name", hasItems("LDAP", "customappsso"));
        json(HR).post(templates).then().statusCode(409).body("error.code", equalTo("nameAlreadyExists"));
        json("{\"id\":\"scim\"}").post(templates).then().statusCode(409);
        json("{\"id\":\"a/b\"}").post(templates).then().statusCode(400).body("error.target", equalTo("id"));
        json("{\"id\":\"bad-app\",\"applicationId\":\"not-a-guid\"}").post(templates).then().statusCode(400)
                .body("error.target", equalTo("applicationId"));

        authorized().get(templates).then().statusCode(200).body("value.id", hasItems("scim", "hr-scim"));
        String other = templates(UUID.randomUUID());
        int builtIn = Integer.parseInt(authorized().get(other + "/$count").then().statusCode(200).extract().asString());
        authorized().get(templates + "/$count").then().statusCode(200)
                .contentType(startsWith("text/plain")).body(equalTo(String.valueOf(builtIn + 1)));
        authorized().get(other).then().statusCode(200).body("value.id", not(hasItem("hr-scim")));
        authorized().get(other + "/hr-scim").then().statusCode(404);
        given().auth().oauth2(TestTokens.applicationIn(UUID.randomUUID().toString(),
                GraphPermissions.SYNCHRONIZATION_READ_WRITE)).get(templates + "/hr-scim").then().statusCode(404);

        String version = authorized().get(templates + "/hr-scim").then().statusCode(200)
                .body("description", equalTo("HR")).extract().path("schema.version");
        json("{\"@odata.context\":\"x\"}").patch(templates + "/hr-scim").then().statusCode(204);
        authorized().get(templates + "/hr-scim").then().body("schema.version", equalTo(version));
        json("{\"id\":\"other\",\"description\":\"x\"}").put(templates + "/hr-scim").then().statusCode(400)
                .body("error.target", equalTo("id"));
        json("{\"description\":\"Payroll\",\"factoryTag\":\"CustomSCIM\"}").patch(templates + "/hr-scim").then()
                .statusCode(204);
        authorized().get(templates + "/hr-scim").then().statusCode(200)
                .body("description", equalTo("Payroll"))
                .body("discoverable", equalTo(false))
                .body("schema.directories", hasSize(2));

        authorized().delete(templates + "/hr-scim").then().statusCode(204);
        authorized().get(templates + "/hr-scim").then().statusCode(404);
        authorized().delete(templates + "/hr-scim").then().statusCode(404);
    }

    @Test
    void builtInTemplatesAndTheirSchemasAreReadOnly() {
        String scim = templates(UUID.randomUUID()) + "/scim";
        json("{\"description\":\"mine\"}").put(scim).then().statusCode(403).body("error.code", equalTo("notAllowed"));
        json("{\"description\":\"mine\"}").patch(scim).then().statusCode(403);
        authorized().delete(scim).then().statusCode(403).body("error.code", equalTo("notAllowed"));
        json("{\"synchronizationRules\":[]}").patch(scim + "/schema").then().statusCode(403);
        json("{\"directories\":[]}").put(scim + "/schema").then().statusCode(403);
        authorized().delete(scim + "/schema").then().statusCode(403);
        json("{\"name\":\"HR\"}").post(scim + "/schema/directories").then().statusCode(403);
        authorized().get(scim + "/schema").then().statusCode(200).body("directories", hasSize(2));
    }

    @Test
    void aTemplateSchemaIsEditedAndResetToTheDefaultOfItsFactoryTag() throws Exception {
        String templates = templates(UUID.randomUUID());
        json(HR).post(templates).then().statusCode(201);
        String schema = templates + "/hr-scim/schema";
        ObjectNode current = (ObjectNode) mapper.readTree(authorized().get(schema).then().statusCode(200)
                .body("id", equalTo("hr-scim")).extract().asString());
        ((ObjectNode) current.at("/synchronizationRules/0/objectMappings/1")).put("enabled", false);
        json("{\"synchronizationRules\":" + current.get("synchronizationRules") + "}").patch(schema).then()
                .statusCode(204);
        String version = authorized().get(schema).then()
                .body("synchronizationRules[0].objectMappings[1].enabled", equalTo(false))
                .extract().path("version");

        json("{}").patch(schema).then().statusCode(204);
        authorized().get(schema).then().body("version", equalTo(version));
        ((ObjectNode) current.at("/synchronizationRules/0/objectMappings/1")).put("flowTypes", "");
        json(current.toString()).put(schema).then().statusCode(400)
                .body("error.target", equalTo("synchronizationRules[0].objectMappings[1].flowTypes"));

        authorized().delete(schema).then().statusCode(204);
        authorized().get(schema).then().body("synchronizationRules[0].objectMappings[1].enabled", equalTo(true));
    }

    @Test
    void aJobOfACustomTemplateStartsWithItsSchemaAndKeepsTheTemplate() throws Exception {
        UUID servicePrincipal = UUID.randomUUID();
        String templates = templates(servicePrincipal);
        ObjectNode narrow = (ObjectNode) mapper.readTree(HR);
        narrow.put("id", "narrow");
        ObjectNode schema = (ObjectNode) mapper.readTree(authorized().get(templates + "/scim/schema").then()
                .statusCode(200).extract().asString());
        ((ObjectNode) schema.at("/synchronizationRules/0/objectMappings/1")).put("enabled", false);
        narrow.set("schema", schema);
        json(narrow.toString()).post(templates).then().statusCode(201)
                .body("schema.synchronizationRules[0].objectMappings[1].enabled", equalTo(false));

        String[] job = Jobs.created(servicePrincipal.toString(), "narrow", null);
        authorized().get(job[2]).then().statusCode(200)
                .body("synchronizationRules[0].objectMappings[1].enabled", equalTo(false));
        authorized().delete(templates + "/narrow").then().statusCode(409).body("error.code", equalTo("conflict"));
    }

    @Test
    void aJobOfATemplateThisServiceDoesNotHaveIsSetAsideWithoutHoldingUpOthers() {
        try (TopicProbe deadLetters = TopicProbe.fromNow(Topics.DEAD_LETTER)) {
            String jobId = Tenants.newJobId("gone", Jobs.DEFAULT_TENANT);
            EventPublisher.publish(Topics.JOB_COMMANDS, new JobCommand.JobCreated(UUID.randomUUID().toString(),
                    Instant.now(), jobId, UUID.randomUUID().toString(), "gone", null));
            deadLetters.awaitOne(TopicProbe.keyed(jobId), Duration.ofSeconds(20));
        }
        Jobs.created();
    }

    private static String templates(UUID servicePrincipal) {
        return "/beta/servicePrincipals/" + servicePrincipal + "/synchronization/templates";
    }

    private static String spOf(String templates) {
        return templates.split("/")[3];
    }
}

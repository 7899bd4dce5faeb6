package org.opensync.schemaservice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.opensync.schemaservice.Requests.authorized;
import static org.opensync.schemaservice.Requests.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.opensync.common.events.EventCodec;
import org.opensync.common.events.JobSchemaPublished;
import org.opensync.common.events.Topics;
import org.opensync.testing.TopicProbe;

@QuarkusTest
class JobSchemaTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    @Inject
    ObjectMapper mapper;

    @Test
    void aNewJobGetsACopyOfTheTemplateSchemaPublishedOnSyncSchemas() {
        try (TopicProbe schemas = TopicProbe.fromNow(Topics.SCHEMAS)) {
            String[] job = Jobs.created();
            authorized().get(job[2]).then().statusCode(200)
                    .body("id", equalTo(job[1]))
                    .body("version", startsWith("date:"))
                    .body("directories", hasSize(2))
                    .body("directories[0].objects[0].attributes.find { it.name == 'objectId' }.anchor", equalTo(true))
                    .body("synchronizationRules[0].objectMappings[0].flowTypes", equalTo("Add,Update,Delete"))
                    .body("synchronizationRules[0].objectMappings[0].attributeMappings.find "
                            + "{ it.targetAttributeName == 'userName' }.matchingPriority", equalTo(1));
            JobSchemaPublished published = EventCodec.decode(
                    schemas.awaitOne(TopicProbe.keyed(job[1]), TIMEOUT).value(), JobSchemaPublished.class);
            assertThat(published.servicePrincipalId()).isEqualTo(job[0]);
            assertThat(published.templateId()).isEqualTo("scim");
            assertThat(published.schema().path("synchronizationRules").size()).isEqualTo(1);
        }
    }

    @Test
    void putReplacesPatchMergesTopLevelPropertiesAndDeleteResetsToTheTemplate() throws Exception {
        String[] job = Jobs.created();
        ObjectNode schema = current(job);
        String firstVersion = schema.path("version").asText();
        ObjectNode userMapping = (ObjectNode) schema.at("/synchronizationRules/0/objectMappings/0");
        userMapping.set("scope", mapper.readTree("""
                {"categoryFilterGroups":[],"inputFilterGroups":[],"groups":[{"name":"No contractors","clauses":[
                {"sourceOperandName":"title","operatorName":"NOT EQUALS","targetOperand":{"values":["Contractor"]}}]}]}"""));
        try (TopicProbe schemas = TopicProbe.fromNow(Topics.SCHEMAS)) {
            json(schema.toString()).put(job[2]).then().statusCode(204);
            ObjectNode replaced = current(job);
            assertThat(replaced.path("version").asText()).isNotEqualTo(firstVersion);
            assertThat(replaced.at("/synchronizationRules/0/objectMappings/0/scope/groups/0/clauses/0/operatorName")
                    .asText()).isEqualTo("NOT EQUALS");
            ConsumerRecord<String, String> record = schemas.awaitOne(
                    r -> r.key().equals(job[1]) && r.value().contains("NOT EQUALS"), TIMEOUT);
            assertThat(EventCodec.decode(record.value(), JobSchemaPublished.class).schemaVersion())
                    .isEqualTo(replaced.path("version").asText());
        }

        ArrayNode rules = (ArrayNode) current(job).get("synchronizationRules");
        ((ObjectNode) rules.get(0).path("objectMappings").get(1)).put("enabled", false);
        json("{\"synchronizationRules\":" + rules + "}").patch(job[2]).then().statusCode(204);
        authorized().get(job[2]).then()
                .body("directories", hasSize(2))
                .body("synchronizationRules[0].objectMappings[1].enabled", equalTo(false))
                .body("synchronizationRules[0].objectMappings[0].scope.groups", hasSize(1));

        authorized().delete(job[2]).then().statusCode(204);
        authorized().get(job[2]).then()
                .body("synchronizationRules[0].objectMappings[1].enabled", equalTo(true))
                .body("synchronizationRules[0].objectMappings[0].scope", equalTo(null));
    }

    @Test
    void invalidSchemasAreRejectedWithThePathOfTheProblemAndChangeNothing() throws Exception {
        String[] job = Jobs.created();
        String before = current(job).path("version").asText();

        ObjectNode unknownDirectory = current(job);
        ((ObjectNode) unknownDirectory.at("/synchronizationRules/0")).put("targetDirectoryName", "NoSuchApp");
        rejected(job, unknownDirectory, "synchronizationRules[0].targetDirectoryName");

        ObjectNode unknownObject = current(job);
        ((ObjectNode) unknownObject.at("/synchronizationRules/0/objectMappings/0")).put("sourceObjectName", "Printer");
        rejected(job, unknownObject, "synchronizationRules[0].objectMappings[0].sourceObjectName");

        ObjectNode unknownTarget = current(job);
        ((ObjectNode) unknownTarget.at("/synchronizationRules/0/objectMappings/0/attributeMappings/2"))
                .put("targetAttributeName", "shoeSize");
        rejected(job, unknownTarget, "synchronizationRules[0].objectMappings[0].attributeMappings[2].targetAttributeName");

        ObjectNode unknownSource = current(job);
        ((ObjectNode) unknownSource.at("/synchronizationRules/0/objectMappings/0/attributeMappings/3/source"))
                .put("name", "favouriteColour").put("expression", "[favouriteColour]");
        rejected(job, unknownSource, "synchronizationRules[0].objectMappings[0].attributeMappings[3]");

        ObjectNode unknownFunction = current(job);
        ((ObjectNode) unknownFunction.at("/synchronizationRules/0/objectMappings/0/attributeMappings/3")).set("source",
                mapper.readTree("{\"type\":\"Function\",\"name\":\"Frobnicate\",\"expression\":\"Frobnicate([title])\","
                        + "\"parameters\":[{\"key\":\"source\",\"value\":{\"type\":\"Attribute\",\"name\":\"title\"}}]}"));
        rejected(job, unknownFunction, "synchronizationRules[0].objectMappings[0].attributeMappings[3]");

        ObjectNode badEnum = current(job);
        ((ObjectNode) badEnum.at("/synchronizationRules/0/objectMappings/0/attributeMappings/3"))
                .put("flowType", "Sometimes");
        json(badEnum.toString()).put(job[2]).then().statusCode(400)
                .body("error.target", equalTo("synchronizationRules[0].objectMappings[0].attributeMappings[3].flowType"));

        json("{\"directories\": [").put(job[2]).then().statusCode(400).body("error.code", equalTo("invalidRequest"));
        json("[]").put(job[2]).then().statusCode(400);
        assertThat(current(job).path("version").asText()).isEqualTo(before);
    }

    @Test
    void aPatchWithoutPropertiesChangesNothingAndPublishesNothing() throws Exception {
        String[] job = Jobs.created();
        ObjectNode schema = current(job);
        String before = schema.path("version").asText();
        try (TopicProbe schemas = TopicProbe.fromNow(Topics.SCHEMAS)) {
            json("{}").patch(job[2]).then().statusCode(204);
            json("{\"@odata.context\":\"https://graph.microsoft.com/beta/$metadata#x\",\"version\":\"v\"}")
                    .patch(job[2]).then().statusCode(204);
            assertThat(current(job).path("version").asText()).isEqualTo(before);
            // a real change afterwards: its event is the first of the job's, so the empty ones published none
            ((ObjectNode) schema.at("/synchronizationRules/0/objectMappings/1")).put("enabled", false);
            json("{\"synchronizationRules\":" + schema.get("synchronizationRules") + "}").patch(job[2]).then()
                    .statusCode(204);
            schemas.awaitOne(TopicProbe.keyed(job[1]), TIMEOUT);
            assertThat(schemas.records(TopicProbe.keyed(job[1]))).hasSize(1);
        }
    }

    @Test
    void anEmptyFlagEnumIsRefusedWithItsPathNotStoredAsNone() throws Exception {
        String[] job = Jobs.created();
        ObjectNode schema = current(job);
        ((ObjectNode) schema.at("/synchronizationRules/0/objectMappings/1")).put("flowTypes", "");
        json("{\"synchronizationRules\":" + schema.get("synchronizationRules") + "}").patch(job[2]).then()
                .statusCode(400).body("error.code", equalTo("invalidRequest"))
                .body("error.target", equalTo("synchronizationRules[0].objectMappings[1].flowTypes"))
                .body("error.message", containsString("synchronizationRules[0].objectMappings[1].flowTypes"));
        authorized().get(job[2]).then()
                .body("synchronizationRules[0].objectMappings[1].flowTypes", equalTo("Add,Update,Delete"));
    }

    @Test
    void unknownJobsAndOtherServicePrincipalsAreNotFound() {
        String[] job = Jobs.created();
        authorized().get("/beta/servicePrincipals/" + UUID.randomUUID() + "/synchronization/jobs/" + job[1] + "/schema")
                .then().statusCode(404).body("error.code", equalTo("itemNotFound"));
        Jobs.deleted(job[1]);
        org.awaitility.Awaitility.await().atMost(TIMEOUT)
                .until(() -> authorized().get(job[2]).statusCode() == 404);
    }

    @Test
    void directoriesOfTheSchema() {
        String[] job = Jobs.created();
        String id = authorized().get(job[2] + "/directories").then().statusCode(200)
                .body("value", hasSize(2)).extract().path("value[1].id");
        authorized().get(job[2] + "/directories/" + id).then().statusCode(200).body("name", equalTo("customappsso"));
        authorized().get(job[2] + "/directories/nope").then().statusCode(404);
    }

    private void rejected(String[] job, JsonNode schema, String path) {
        json(schema.toString()).put(job[2]).then().statusCode(400)
                .body("error.code", equalTo("invalidRequest"))
                .body("error.target", startsWith(path))
                .body("error.message", containsString(path))
                .body("error.details", not(hasSize(0)));
    }

    private ObjectNode current(String[] job) throws Exception {
        return (ObjectNode) mapper.readTree(authorized().get(job[2]).then().statusCode(200).extract().asString());
    }
}

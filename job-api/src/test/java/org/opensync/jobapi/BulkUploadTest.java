package org.opensync.jobapi;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.opensync.jobapi.GraphClient.asAdmin;
import static org.opensync.jobapi.GraphClient.jobPath;
import static org.opensync.jobapi.GraphClient.json;
import static org.opensync.jobapi.GraphClient.newJob;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.opensync.common.events.EventCodec;
import org.opensync.common.events.InboundRecordReceived;
import org.opensync.common.events.Topics;
import org.opensync.common.security.GraphPermissions;
import org.opensync.jobapi.template.SynchronizationTemplate;
import org.opensync.testing.TestTokens;
import org.opensync.testing.TopicProbe;

/** bulkUpload: every refusal Graph documents, the pace limit, and the accepted records on sync.inbound-records. */
@QuarkusTest
class BulkUploadTest {
    private static final String UPLOADER = TestTokens.application(GraphPermissions.BULK_UPLOAD);
    private static final String SCIM_JSON = "application/scim+json";

    @Test
    void anAcceptedUploadIsOnTheTopicBeforeThe202WhichPointsAtTheJobsProvisioningLogs() {
        String[] job = newInboundJob();
        try (TopicProbe probe = TopicProbe.fromNow(Topics.INBOUND_RECORDS)) {
            String location = upload(UPLOADER, jobPath(job), SCIM_JSON, bulk(user("E-1", "ivan", true, "E-9"),
                    user("E-2", "olga", false, null)))
                    .statusCode(202).header("client-request-id", equalTo("hr-42")).extract().header("Location");
            String decoded = URLDecoder.decode(location, StandardCharsets.UTF_8);
            assertThat(decoded).endsWith("/beta/auditLogs/provisioning/?$filter=jobid eq '" + job[1] + "'");
            URI logs = URI.create(location);
            given().auth().oauth2(GraphClient.ADMIN).urlEncodingEnabled(false)
                    .get(logs.getRawPath() + "?" + logs.getRawQuery()).then().statusCode(200);

            List<ConsumerRecord<String, String>> records = probe.await(TopicProbe.keyed(job[1]), 2,
                    Duration.ofSeconds(30));
            List<InboundRecordReceived> received = records.stream()
                    .map(r -> EventCodec.decode(r.value(), InboundRecordReceived.class)).toList();
            assertThat(received).extracting(InboundRecordReceived::externalId).containsExactly("E-1", "E-2");
            assertThat(received).extracting(InboundRecordReceived::bulkId).containsExactly("b-E-1", "b-E-2");
            assertThat(received).extracting(InboundRecordReceived::uploadId).doesNotContainNull().hasSize(2)
                    .containsOnly(received.get(0).uploadId());
            JsonNode ivan = received.get(0).user();
            assertThat(ivan.path("userName").asText()).isEqualTo("ivan@example.org");
            assertThat(ivan.path("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User").path("manager")
                    .path("value").asText()).isEqualTo("E-9");
            assertThat(TopicProbe.header(records.get(0), "event-type")).isEqualTo("InboundRecordReceived");
        }
        // plain JSON is taken too, and the v1.0 root answers with its own Location
        upload(UPLOADER, jobPath(job).replace("/beta/", "/v1.0/"), "application/json; charset=utf-8",
                bulk(user("E-3", "anna", true, null))).statusCode(202)
                .header("Location", containsString("/v1.0/auditLogs/provisioning/"));
    }

    @Test
    void invalidUploadsAreRefusedWholeWithTheJsonPathOfTheProblemAndNothingIsPublished() {
        String path = jobPath(newInboundJob());
        String good = user("E-1", "ivan", true, null);
        try (TopicProbe probe = TopicProbe.fromNow(Topics.INBOUND_RECORDS)) {
            upload(UPLOADER, path, "text/plain", bulk(good)).statusCode(400)
                    .body("error.code", equalTo("invalidRequest")).body("error.target", equalTo("Content-Type"));
            upload(UPLOADER, path, null, bulk(good)).statusCode(400);
            upload(UPLOADER, path, SCIM_JSON, "not json").statusCode(400);
            upload(UPLOADER, path, SCIM_JSON, bulk(good).replace("messages:2.0:BulkRequest", "messages:2.0:Other"))
                    .statusCode(400).body("error.target", equalTo("schemas"));
            String fiftyOne = IntStream.range(0, 51).mapToObj(i -> user("E-" + i, "u" + i, true, null))
                    .collect(Collectors.joining(","));
            upload(UPLOADER, path, SCIM_JSON, bulk(fiftyOne)).statusCode(400)
                    .body("error.target", equalTo("Operations")).body("error.message", containsString("at most 50"));
            upload(UPLOADER, path, SCIM_JSON, bulk(good + "," + good.replace("\"E-1\"", "\"E-2\"")))
                    .statusCode(400).body("error.target", equalTo("Operations[1].bulkId"));
            upload(UPLOADER, path, SCIM_JSON, bulk(good.replace("\"externalId\":\"E-1\",", ""))).statusCode(400)
                    .body("error.target", equalTo("Operations[0].data.externalId"));
            upload(UPLOADER, path, SCIM_JSON, bulk(good.replace("\"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User\"]",
                    "\"urn:ietf:params:scim:schemas:core:2.0:Group\"]"))).statusCode(400)
                    .body("error.target", equalTo("Operations[0].data.schemas[1]"));
            upload(UPLOADER, path, SCIM_JSON, bulk(good.replace("\"active\"", "\"urn:contoso:employee\":{\"grade\":\"7\"},\"active\"")))
                    .statusCode(400).body("error.target", equalTo("Operations[0].data.urn:contoso:employee"));
            upload(UPLOADER, path, SCIM_JSON, bulk(good.replace("\"method\":\"POST\"", "\"method\":\"DELETE\"")))
                    .statusCode(400).body("error.target", equalTo("Operations[0].method"));
            assertThat(probe.records(TopicProbe.keyed(path.substring(path.lastIndexOf('/') + 1)))).isEmpty();
        }
    }

    @Test
    void aCustomExtensionDeclaredInSchemasIsTaken() {
        String custom = user("E-1", "ivan", true, null)
                .replace("\"active\"", "\"urn:contoso:employee\":{\"grade\":\"7\"},\"active\"")
                .replace("enterprise:2.0:User\"]", "enterprise:2.0:User\",\"urn:contoso:employee\"]");
        upload(UPLOADER, jobPath(newInboundJob()), SCIM_JSON, bulk(custom)).statusCode(202);
    }

    @Test
    void onlyTheUploadPermissionOrItsOwnedByFormOnTheOwnAppReachesAnInboundJobOfTheCallersTenant() {
        String[] job = newInboundJob();
        String body = bulk(user("E-1", "ivan", true, null));
        upload(TestTokens.application(GraphPermissions.SYNCHRONIZATION_READ_WRITE, GraphPermissions.DIRECTORY_READ_WRITE),
                jobPath(job), SCIM_JSON, body).statusCode(403).body("error.code", equalTo("accessDenied"));
        upload(TestTokens.applicationOf(UUID.randomUUID().toString(), GraphPermissions.BULK_UPLOAD_OWNED_BY),
                jobPath(job), SCIM_JSON, body).statusCode(403);
        upload(TestTokens.applicationIn(UUID.randomUUID().toString(), GraphPermissions.BULK_UPLOAD), jobPath(job),
                SCIM_JSON, body).statusCode(404);
        upload(UPLOADER, "/beta/servicePrincipals/" + job[0] + "/synchronization/jobs/API2SCIM.nope", SCIM_JSON, body)
                .statusCode(404).body("error.code", equalTo("itemNotFound"));
        given().contentType(SCIM_JSON).body(body).post(jobPath(job) + "/bulkUpload").then().statusCode(401);
        upload(UPLOADER, jobPath(newJob()), SCIM_JSON, body).statusCode(400)
                .body("error.message", containsString("not API-driven"));

        String ownerApp = UUID.randomUUID().toString();
        String owner = TestTokens.applicationOf(ownerApp, GraphPermissions.APPLICATION_READ_WRITE_OWNED_BY);
        String spId = given().auth().oauth2(owner).contentType("application/json")
                .body("{\"appId\":\"" + ownerApp + "\",\"displayName\":\"hr-owned\"}").post("/beta/servicePrincipals")
                .then().statusCode(201).extract().path("id");
        String jobId = json("{\"templateId\":\"API2SCIM\"}").post("/beta/servicePrincipals/" + spId
                + "/synchronization/jobs").then().statusCode(201).extract().path("id");
        String ownedPath = "/beta/servicePrincipals/" + spId + "/synchronization/jobs/" + jobId;
        upload(TestTokens.applicationOf(ownerApp, GraphPermissions.BULK_UPLOAD_OWNED_BY), ownedPath, SCIM_JSON, body)
                .statusCode(202);
        upload(TestTokens.applicationOf(UUID.randomUUID().toString(), GraphPermissions.BULK_UPLOAD_OWNED_BY),
                ownedPath, SCIM_JSON, body).statusCode(403);
    }

    @Test
    void requestsBeyondTheJobsPaceAreThrottledWithRetryAfter() {
        String path = jobPath(newInboundJob());
        String body = bulk(user("E-1", "ivan", true, null));
        for (int i = 0; i < 20; i++) {
            upload(UPLOADER, path, SCIM_JSON, body).statusCode(202);
        }
        String retryAfter = upload(UPLOADER, path, SCIM_JSON, body).statusCode(429)
                .body("error.code", equalTo("activityLimitReached")).extract().header("Retry-After");
        assertThat(Integer.parseInt(retryAfter)).isBetween(1, 60);
        upload(UPLOADER, jobPath(newInboundJob()), SCIM_JSON, body).statusCode(202);
    }

    /** Creates an API2SCIM job under a new service principal; returns {spId, jobId}. */
    static String[] newInboundJob() {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> SynchronizationTemplate.findById("API2SCIM") != null));
        String spId = GraphClient.newServicePrincipal("hr-" + UUID.randomUUID());
        String jobId = json("{\"templateId\":\"API2SCIM\"}").post("/beta/servicePrincipals/" + spId
                + "/synchronization/jobs").then().statusCode(201).extract().path("id");
        return new String[]{spId, jobId};
    }

    static String user(String externalId, String name, boolean active, String managerExternalId) {
        return "{\"method\":\"POST\",\"bulkId\":\"b-" + externalId + "\",\"path\":\"/Users\",\"data\":{"
                + "\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\","
                + "\"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User\"],"
                + "\"externalId\":\"" + externalId + "\",\"userName\":\"" + name + "@example.org\","
                + "\"name\":{\"givenName\":\"" + name + "\",\"familyName\":\"Test\"},"
                + "\"active\":" + active + ","
                + "\"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User\":{\"department\":\"Logistics\""
                + (managerExternalId == null ? "" : ",\"manager\":{\"value\":\"" + managerExternalId + "\"}")
                + "}}}";
    }

    static String bulk(String... operations) {
        return "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:BulkRequest\"],\"Operations\":["
                + String.join(",", operations)
                + "],\"failOnErrors\":null}";
    }

    private static ValidatableResponse upload(String token, String jobPath, String contentType, String body) {
        var request = given().auth().oauth2(token).header("client-request-id", "hr-42").body(body);
        if (contentType != null) {
            request = request.contentType(contentType);
        }
        return request.post(jobPath + "/bulkUpload").then();
    }
}

package org.opensync.jobapi;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.opensync.jobapi.GraphClient.asAdmin;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import io.restassured.response.Response;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.opensync.common.events.EventCodec;
import org.opensync.common.events.Topics;
import org.opensync.common.logs.ProvisioningLogRecorded;
import org.opensync.common.logs.ProvisioningObjectSummary;
import org.opensync.common.security.GraphPermissions;
import org.opensync.common.tenancy.Tenants;
import org.opensync.testing.EventPublisher;
import org.opensync.testing.TestTokens;
import org.opensync.testing.TopicProbe;

/** {@code /auditLogs/provisioning} over records published on the real {@code sync.provisioning-logs} topic. */
@QuarkusTest
class ProvisioningLogTest {
    @Inject
    AgroalDataSource dataSource;

    @Test
    void recordsAreFilteredPagedAndFetchedById() {
        String jobId = Tenants.newJobId("scim", DEFAULT_TENANT);
        String cycleId = UUID.randomUUID().toString();
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String status = i == 4 ? "failure" : "success";
            ProvisioningObjectSummary summary = summary(jobId, cycleId, start.plusSeconds(i), status, "user" + i);
            ids.add(summary.id());
            EventPublisher.publish(Topics.PROVISIONING_LOGS, new ProvisioningLogRecorded(
                    UUID.randomUUID().toString(), Instant.now(), jobId, summary));
            if (i == 0) {
                EventPublisher.publish(Topics.PROVISIONING_LOGS, new ProvisioningLogRecorded(
                        UUID.randomUUID().toString(), Instant.now(), jobId, summary));
            }
        }
        String byJob = "jobId eq '" + jobId + "'";
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> asAdmin().queryParam("$filter", byJob)
                .get("/beta/auditLogs/provisioning").jsonPath().getList("value").size() == 5);

        asAdmin().queryParam("$filter", "jobid eq '" + jobId + "' and provisioningStatusInfo/status eq 'failure'")
                .get("/v1.0/auditLogs/provisioning").then().statusCode(200)
                .body("'@odata.context'", endsWith("/v1.0/$metadata#auditLogs/provisioning"))
                .body("value", hasSize(1))
                .body("value[0].id", equalTo(ids.get(4)))
                .body("value[0].provisioningAction", equalTo("create"))
                .body("value[0].servicePrincipal.displayName", equalTo("Fabrikam SCIM"))
                .body("value[0].provisioningSteps[0].provisioningStepType", equalTo("import"))
                .body("value[0].provisioningStatusInfo.errorInformation.errorCode", equalTo("EntryConflict"));
        asAdmin().queryParam("$filter", "jobId eq '" + jobId.toUpperCase() + "'")
                .get("/beta/auditLogs/provisioning").then().body("value", hasSize(0));
        asAdmin().queryParam("$filter", byJob + " and cycleId eq '" + cycleId + "' and sourceIdentity/displayName eq 'user3'")
                .get("/beta/auditLogs/directoryProvisioning").then().body("value", hasSize(1));

        List<String> paged = new ArrayList<>();
        Response page = asAdmin().queryParam("$filter", byJob).queryParam("$top", 2).get("/beta/auditLogs/provisioning");
        while (true) {
            paged.addAll(page.jsonPath().getList("value.id"));
            String next = page.jsonPath().getString("'@odata.nextLink'");
            if (next == null) {
                break;
            }
            page = asAdmin().urlEncodingEnabled(false).get(next);
        }
        List<String> newestFirst = new ArrayList<>(ids);
        Collections.reverse(newestFirst);
        assertThat(paged).as("newest first, each once").containsExactlyElementsOf(newestFirst);

        List<String> oldestFirst = new ArrayList<>();
        page = asAdmin().queryParam("$filter", byJob).queryParam("$top", 3)
                .queryParam("$orderby", "activityDateTime asc").get("/v1.0/auditLogs/provisioning");
        while (true) {
            oldestFirst.addAll(page.jsonPath().getList("value.id"));
            String next = page.jsonPath().getString("'@odata.nextLink'");
            if (next == null) {
                break;
            }
            assertThat(next).contains("/v1.0/").contains("%24orderby=activityDateTime");
            page = asAdmin().urlEncodingEnabled(false).get(next);
        }
        assertThat(oldestFirst).as("oldest first across pages").containsExactlyElementsOf(ids);
        asAdmin().queryParam("$filter", byJob).queryParam("$orderby", "activityDateTime desc")
                .get("/beta/auditLogs/provisioning").then().body("value.id", contains(newestFirst.toArray()));

        asAdmin().get("/beta/auditLogs/provisioning/" + ids.get(2)).then().statusCode(200)
                .body("sourceIdentity.displayName", equalTo("user2"));
        String otherTenant = UUID.randomUUID().toString();
        given().auth().oauth2(TestTokens.applicationIn(otherTenant, GraphPermissions.AUDIT_LOG_READ))
                .queryParam("$filter", byJob).get("/beta/auditLogs/provisioning").then().statusCode(200)
                .body("value", hasSize(0));
        given().auth().oauth2(TestTokens.applicationIn(otherTenant, GraphPermissions.AUDIT_LOG_READ))
                .get("/beta/auditLogs/provisioning/" + ids.get(2)).then().statusCode(404);
        asAdmin().get("/beta/auditLogs/provisioning/" + UUID.randomUUID()).then().statusCode(404)
                .body("error.code", equalTo("itemNotFound"));
    }

    @Test
    void anUnreadableRecordGoesToTheDeadLetterTopicAndItsBatchIsStored() {
        try (TopicProbe deadLetters = TopicProbe.fromNow(Topics.DEAD_LETTER)) {
            String jobId = Tenants.newJobId("scim", DEFAULT_TENANT);
            ProvisioningObjectSummary summary = summary(jobId, UUID.randomUUID().toString(), Instant.now(), "success",
                    "after-a-bad-record");
            EventPublisher.publishRaw(Topics.PROVISIONING_LOGS, jobId, "{not json", UUID.randomUUID().toString());
            EventPublisher.publish(Topics.PROVISIONING_LOGS, new ProvisioningLogRecorded(UUID.randomUUID().toString(),
                    Instant.now(), jobId, summary));

            var dead = deadLetters.await(TopicProbe.keyed(jobId), 1, Duration.ofSeconds(20));
            assertThat(TopicProbe.header(dead.get(0), "dead-letter-topic")).isEqualTo(Topics.PROVISIONING_LOGS);
            assertThat(TopicProbe.header(dead.get(0), "dead-letter-reason")).isNotBlank();
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> asAdmin()
                    .get("/beta/auditLogs/provisioning/" + summary.id()).statusCode() == 200);
        }
    }

    /** A log is stored under its own id, so a redelivered record needs no inbox row to be stored once. */
    @Test
    void aRedeliveredRecordIsStoredOnceWithoutAnInboxRow() throws Exception {
        String jobId = Tenants.newJobId("scim", DEFAULT_TENANT);
        String cycleId = UUID.randomUUID().toString();
        ProvisioningObjectSummary summary = summary(jobId, cycleId, Instant.now(), "success", "redelivered");
        ProvisioningLogRecorded record = new ProvisioningLogRecorded(UUID.randomUUID().toString(), Instant.now(),
                jobId, summary);
        for (int delivery = 0; delivery < 2; delivery++) {
            EventPublisher.publishRaw(Topics.PROVISIONING_LOGS, jobId, EventCodec.encode(record), record.eventId());
        }
        ProvisioningObjectSummary after = summary(jobId, cycleId, Instant.now().plusSeconds(1), "success", "after");
        EventPublisher.publish(Topics.PROVISIONING_LOGS, new ProvisioningLogRecorded(UUID.randomUUID().toString(),
                Instant.now(), jobId, after));

        String byCycle = "cycleId eq '" + cycleId + "'";
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> asAdmin().queryParam("$filter", byCycle)
                .get("/beta/auditLogs/provisioning").jsonPath().getList("value").size() == 2);
        asAdmin().queryParam("$filter", byCycle).get("/beta/auditLogs/provisioning").then()
                .body("value.id", contains(after.id(), summary.id()));
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "select count(*) from processed_event where event_id = any(?)")) {
            query.setArray(1, connection.createArrayOf("text", new String[]{record.eventId()}));
            try (ResultSet count = query.executeQuery()) {
                count.next();
                assertThat(count.getLong(1)).as("inbox rows").isZero();
            }
        }
    }

    @Test
    void badFiltersAndMissingPermissionAreRefused() {
        asAdmin().queryParam("$filter", "shoeSize eq '42'").get("/beta/auditLogs/provisioning").then()
                .statusCode(400).body("error.code", equalTo("invalidRequest"))
                .body("error.message", containsString("shoeSize"));
        asAdmin().queryParam("$filter", "activityDateTime gt 'yesterday'").get("/beta/auditLogs/provisioning")
                .then().statusCode(400);
        asAdmin().queryParam("$orderby", "jobId").get("/beta/auditLogs/provisioning").then()
                .statusCode(400).body("error.code", equalTo("invalidRequest"))
                .body("error.target", equalTo("$orderby"));
        given().auth().oauth2(TestTokens.application(GraphPermissions.SYNCHRONIZATION_READ_WRITE))
                .get("/beta/auditLogs/provisioning").then().statusCode(403);
    }

    /** The services' default tenant: tokens without a tid act in it. */
    static final UUID DEFAULT_TENANT = UUID.fromString("8c1d2e3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f");

    private static ProvisioningObjectSummary summary(String jobId, String cycleId, Instant at, String status,
                                                     String name) {
        ProvisioningObjectSummary.ErrorInfo error = status.equals("failure") ? new ProvisioningObjectSummary.ErrorInfo(
                "EntryConflict", "failure", "userName is taken", null, null) : null;
        return new ProvisioningObjectSummary(UUID.randomUUID().toString(), at, "tenant", jobId, cycleId,
                UUID.randomUUID().toString(), "create", 12,
                new ProvisioningObjectSummary.Initiator("", "OpenSync Provisioning Service", "system"),
                new ProvisioningObjectSummary.Identity(UUID.randomUUID().toString(), "Fabrikam SCIM"),
                new ProvisioningObjectSummary.SystemInfo("ldap", "LDAP", Map.of()),
                new ProvisioningObjectSummary.SystemInfo("scim", "Fabrikam SCIM", Map.of()),
                new ProvisioningObjectSummary.ProvisionedIdentity(UUID.randomUUID().toString(), name, "User", Map.of()),
                new ProvisioningObjectSummary.ProvisionedIdentity("", "", "urn:ietf:params:scim:schemas:core:2.0:User",
                        Map.of()),
                new ProvisioningObjectSummary.StatusInfo(status, error),
                List.of(new ProvisioningObjectSummary.Step("EntryImport", "import", "success", "Read from LDAP",
                        Map.of())),
                List.of());
    }
}

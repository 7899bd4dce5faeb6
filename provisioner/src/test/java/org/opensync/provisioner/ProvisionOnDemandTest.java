package org.opensync.provisioner;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opensync.common.events.EventCodec;
import org.opensync.common.logs.ProvisioningLogRecorded;
import org.opensync.common.logs.ProvisioningObjectSummary;
import org.opensync.common.security.GraphPermissions;
import org.opensync.sandbox.directory.SlapdTestDirectory;
import org.opensync.sandbox.directory.TestDirectory;
import org.opensync.sandbox.ldap.DirectoryData;
import org.opensync.sandbox.ldap.DirectoryDataGenerator;
import org.opensync.sandbox.ldap.GeneratedGroup;
import org.opensync.sandbox.ldap.GeneratedUser;
import org.opensync.sandbox.scim.FaultRule;
import org.opensync.testing.TestTokens;
import org.opensync.testing.TopicProbe;
import org.opensync.testing.fuzz.FuzzRequest;
import org.opensync.testing.fuzz.RawHttp;

/**
 * Provision on demand through the real path: the subject is read from a slapd test directory, provisioned into the
 * sandbox SCIM application over HTTP, and logged on the real provisioning-log topic.
 */
@QuarkusTest
class ProvisionOnDemandTest extends ProvisionerTestBase {
    static final String RULE = "6c7d8e9f-0a1b-4c2d-8e3f-4a5b6c7d8e9f";
    static final String WRITER = TestTokens.application(GraphPermissions.SYNCHRONIZATION_READ_WRITE);
    static final DirectoryData DATA = new DirectoryDataGenerator().generate(60, 3);
    static TestDirectory directory;

    @BeforeAll
    static void loadDirectory() {
        directory = new SlapdTestDirectory().load(DATA);
    }

    @AfterAll
    static void removeDirectory() {
        directory.close();
    }

    @Test
    void aUserInScopeIsCreatedLinkedAndLoggedThenAnotherRequestFindsNothingToDo() throws Exception {
        TargetJob job = readyJob(null);
        GeneratedUser user = unmanaged(0);

        JsonNode created = answer(provision(job, WRITER, userSubject(directory.userDn(user.uid()))).statusCode(200)
                .body("key", containsString("\"result\":\"Success\"")));
        JsonNode run = JSON.readTree(created.path("value").asText());
        assertThat(run.path("action").asText()).isEqualTo("Create");
        assertThat(types(run)).containsExactly("Import", "Scoping", "Matching", "Export");
        assertThat(run.path("provisioningSteps")).allSatisfy(step -> assertThat(step.path("status").asText())
                .isEqualTo("Success"));
        List<Instant> times = new ArrayList<>();
        run.path("provisioningSteps").forEach(step -> times.add(Instant.parse(step.path("timestamp").asText())));
        assertThat(times).as("each step at its own time, in order, within the run").isSorted()
                .allSatisfy(time -> assertThat(time).isBetween(Instant.parse(run.path("startTime").asText()),
                        Instant.parse(run.path("endTime").asText())));
        assertThat(times.get(0)).as("the import came before the export").isBefore(times.get(3));
        assertThat(run.path("modifiedProperties").toString()).contains(user.mail());
        ObjectNode target = userNamed(user.mail());
        assertThat(run.at("/targetIdentity/id").asText()).isEqualTo(target.path("id").asText());
        assertThat(run.at("/sourceIdentity/details/DistinguishedName").asText()).isEqualToIgnoringCase(directory.userDn(user.uid()));
        assertThat(run.at("/statusInfo/status").asText()).isEqualTo("Success");

        ProvisioningObjectSummary log = logOf(job, run.path("changeId").asText());
        assertThat(log.provisioningAction()).isEqualTo("create");
        assertThat(log.initiatedBy().initiatorType()).isEqualTo("application");
        assertThat(log.initiatedBy().id()).isEqualTo("test-app");

        // By its entryUUID this time: the link the first request stored makes it a no-op
        String anchor = run.at("/sourceIdentity/id").asText();
        JsonNode again = answer(provision(job, WRITER, userSubject(anchor)).statusCode(200));
        JsonNode key = JSON.readTree(again.path("key").asText());
        assertThat(key.path("result").asText()).isEqualTo("Skipped");
        assertThat(key.at("/details/errorCode").asText()).isEqualTo("RedundantExport");
        assertThat(scim.journal().matching("POST", ".*/Users")).hasSize(1);
    }

    @Test
    void aUserOutOfScopeIsSkippedWithTheReasonAndNothingIsWritten() throws Exception {
        GeneratedUser user = unmanaged(1);
        TargetJob job = readyJob(JSON.readTree("""
                {"categoryFilterGroups":[],"inputFilterGroups":[],"groups":[{"name":"Not this title","clauses":[
                {"sourceOperandName":"title","operatorName":"NOT EQUALS","targetOperand":{"values":["%s"]}}]}]}"""
                .formatted(user.title())));

        JsonNode answer = answer(provision(job, WRITER, userSubject(directory.userDn(user.uid()))).statusCode(200));
        JsonNode key = JSON.readTree(answer.path("key").asText());
        assertThat(key.path("result").asText()).isEqualTo("Skipped");
        assertThat(key.at("/details/errorCode").asText()).isEqualTo("NotEffectivelyEntitled");
        JsonNode run = JSON.readTree(answer.path("value").asText());
        JsonNode scoping = step(run, "Scoping");
        assertThat(scoping.path("status").asText()).isEqualTo("Skipped");
        assertThat(scoping.path("description").asText()).contains("scoping filter")
                .contains("groups: group 1: title NOT EQUALS '" + user.title() + "' is false for '" + user.title() + "'");
        assertThat(scim.journal().matching("POST", ".*")).isEmpty();
    }

    @Test
    void aUserThatExistsInTheTargetIsMatchedAndUpdatedNotCreated() throws Exception {
        TargetJob job = readyJob(null);
        GeneratedUser user = unmanaged(2);
        ObjectNode existing = scim.users().create(JSON.readTree("""
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"%s","displayName":"Old name"}"""
                .formatted(user.mail())));

        JsonNode run = JSON.readTree(answer(provision(job, WRITER, userSubject(directory.userDn(user.uid()))).statusCode(200))
                .path("value").asText());
        assertThat(run.path("action").asText()).isEqualTo("Update");
        assertThat(step(run, "Matching").path("description").asText()).contains("userName");
        assertThat(run.at("/targetIdentity/id").asText()).isEqualTo(existing.path("id").asText());
        assertThat(scim.journal().matching("POST", ".*/Users")).isEmpty();
        assertThat(scim.users().get(existing.path("id").asText()).orElseThrow().path("displayName").asText())
                .isEqualTo(user.displayName());
    }

    @Test
    void aTargetThatRefusesTheObjectGivesAFailureWithItsAnswer() throws Exception {
        TargetJob job = readyJob(null);
        scim.faults().add(FaultRule.respond(409).onMethod("POST").onPath(".*/Users"));

        JsonNode answer = answer(provision(job, WRITER, userSubject(directory.userDn(any(3).uid()))).statusCode(200));
        JsonNode key = JSON.readTree(answer.path("key").asText());
        assertThat(key.path("result").asText()).isEqualTo("Failure");
        assertThat(key.at("/details/errorMessage").asText()).isNotBlank();
        JsonNode run = JSON.readTree(answer.path("value").asText());
        assertThat(run.at("/statusInfo/status").asText()).isEqualTo("Failure");
        assertThat(run.at("/statusInfo/additionalDetails").asText()).contains("409");
        assertThat(step(run, "Export").path("status").asText()).isEqualTo("Failure");
    }

    @Test
    void aGroupIsProvisionedWithTheMembersListedAfterThem() throws Exception {
        TargetJob job = readyJob(null);
        GeneratedGroup group = DATA.groups().get(0);
        List<String> members = group.memberUids().stream().limit(2).map(directory::userDn).toList();
        String subject = """
                {"objectId":"%s","objectTypeName":"Group","links":{"members":[
                {"objectId":"%s","objectTypeName":"User"},{"objectId":"%s","objectTypeName":"User"}]}}"""
                .formatted(directory.groupDn(group.cn()), members.get(0), members.get(1));

        JsonNode answer = answer(provision(job, WRITER, subject).statusCode(200).body("value", equalTo("{}")));
        JsonNode key = JSON.readTree(answer.path("key").asText());
        assertThat(key.at("/details/objects")).hasSize(3);
        assertThat(key.at("/details/objects/2/objectTypeName").asText()).isEqualTo("Group");
        JsonNode created = scim.groups().find("displayName eq \"" + group.cn() + "\"").get(0);
        assertThat(created.path("members")).hasSize(2);
    }

    @Test
    void aDelegatedCallerIsTheUserInTheLog() throws Exception {
        TargetJob job = readyJob(null);
        String token = TestTokens.delegated(GraphPermissions.SYNCHRONIZATION_READ_WRITE);
        JsonNode run = JSON.readTree(answer(provision(job, token, userSubject(directory.userDn(any(4).uid()))).statusCode(200))
                .path("value").asText());

        ProvisioningObjectSummary log = logOf(job, run.path("changeId").asText());
        assertThat(log.initiatedBy().initiatorType()).isEqualTo("user");
        assertThat(log.initiatedBy().displayName()).isEqualTo("alice");
    }

    @Test
    void badRulesTypesSubjectsTokensAndTenantsAreRefused() throws Exception {
        TargetJob job = readyJob(null);
        String dn = directory.userDn(any(5).uid());
        provision(job, WRITER, RULE.replace('6', '7'), userSubject(dn)).statusCode(400)
                .body("error.code", equalTo("invalidRequest")).body("error.message", containsString("ruleId"));
        provision(job, WRITER, RULE, "{\"objectId\":\"" + dn + "\",\"objectTypeName\":\"Printer\"}")
                .statusCode(400).body("error.target", equalTo("parameters[0].subjects[0].objectTypeName"));
        provision(job, WRITER, RULE, userSubject("not a dn")).statusCode(400);
        JsonNode missing = answer(provision(job, WRITER, userSubject("uid=nobody," + directory.baseDn()))
                .statusCode(200));
        assertThat(missing.path("key").asText()).contains("Failure", "EntryNotFound");
        provision(job, TestTokens.application(GraphPermissions.SYNCHRONIZATION_READ), userSubject(dn))
                .statusCode(403);
        provision(job, TestTokens.applicationIn(UUID.randomUUID().toString(),
                GraphPermissions.SYNCHRONIZATION_READ_WRITE), userSubject(dn)).statusCode(404);
        given().contentType(ContentType.JSON).body("{}").post(path(job)).then().statusCode(401);
        assertThat(scim.journal().matching("POST", ".*")).isEmpty();
    }

    /** The internal API answers a URL or headers over its limits with a Graph error too, never an empty 414/431. */
    @Test
    void aHugeUrlOrHeaderGetsAGraphError() throws Exception {
        RawHttp http = new RawHttp("127.0.0.1", RestAssured.port);
        RawHttp.Response longUrl = http.send(new FuzzRequest("long URL", "POST",
                "/internal/jobs/" + "x".repeat(100 * 1024) + "/provisionOnDemand", Map.of(), null, false));
        assertThat(longUrl.status()).isEqualTo(414);
        assertThat(longUrl.bodyText()).contains("{\"error\":{\"code\":", "request-id");
        RawHttp.Response hugeHeader = http.send(new FuzzRequest("huge header", "POST",
                "/internal/jobs/x/provisionOnDemand", Map.of("X-Huge", "h".repeat(100 * 1024)), null, false));
        assertThat(hugeHeader.status()).isEqualTo(431);
        assertThat(hugeHeader.bodyText()).contains("{\"error\":{\"code\":", "request-id");
    }

    private TargetJob readyJob(JsonNode scope) throws Exception {
        return ready(scope, Map.of("Server", directory.url(), "UserName", directory.bindDn(), "Password",
                directory.password(), "Domain", directory.baseDn()));
    }

    /** A user without a manager: a manager not provisioned yet would add a reference warning to the steps. */
    private static GeneratedUser unmanaged(int nth) {
        return DATA.users().stream().filter(user -> user.managerDn().isEmpty()).skip(nth).findFirst().orElseThrow();
    }

    private static GeneratedUser any(int nth) {
        return DATA.users().get(20 + nth);
    }

    private static String userSubject(String objectId) {
        return "{\"objectId\":\"" + objectId + "\",\"objectTypeName\":\"User\"}";
    }

    private static ValidatableResponse provision(TargetJob job, String token, String subject) {
        return provision(job, token, RULE, subject);
    }

    private static ValidatableResponse provision(TargetJob job, String token, String rule, String subject) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"parameters\":[{\"ruleId\":\"" + rule + "\",\"subjects\":[" + subject + "]}]}")
                .post(path(job)).then();
    }

    private static String path(TargetJob job) {
        return "/internal/jobs/" + job.jobId + "/provisionOnDemand";
    }

    private static JsonNode answer(ValidatableResponse response) throws Exception {
        return JSON.readTree(response.extract().asString());
    }

    private static List<String> types(JsonNode run) {
        return StreamSupport.stream(run.path("provisioningSteps").spliterator(), false)
                .map(step -> step.path("type").asText()).collect(Collectors.toList());
    }

    private static JsonNode step(JsonNode run, String type) {
        return StreamSupport.stream(run.path("provisioningSteps").spliterator(), false)
                .filter(step -> step.path("type").asText().equals(type)).findFirst().orElseThrow();
    }

    /** The record is acknowledged before the answer, so it is on the topic already. */
    private ProvisioningObjectSummary logOf(TargetJob job, String changeId) {
        return logs.await(TopicProbe.keyed(job.jobId), 1, TIMEOUT).stream()
                .map(r -> EventCodec.decode(r.value(), ProvisioningLogRecorded.class).summary())
                .filter(summary -> summary.changeId().equals(changeId)).findFirst().orElseThrow();
    }
}

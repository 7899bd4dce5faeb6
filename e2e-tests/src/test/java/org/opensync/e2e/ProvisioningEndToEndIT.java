package org.opensync.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.opensync.sandbox.directory.SlapdTestDirectory;
import org.opensync.sandbox.ldap.DirectoryData;
import org.opensync.sandbox.ldap.DirectoryDataGenerator;
import org.opensync.sandbox.ldap.GeneratedGroup;
import org.opensync.sandbox.ldap.GeneratedUser;
import org.opensync.sandbox.scim.FaultRule;
import org.opensync.sandbox.scim.JournalEntry;
import org.opensync.sandbox.scim.Malformation;
import org.opensync.sandbox.scim.ScimServer;
import org.opensync.sandbox.scim.ScimServerConfig;

/**
 * The data path end to end: OpenLDAP slapd (RFC 4533) → change-detector → provisioner → a SCIM 2.0 application,
 * driven through job-api, with the scheduler ticking every 3 seconds. The scenarios build on each other.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProvisioningEndToEndIT {
    private static final int USERS = 1000;
    private static final int GROUPS = 20;
    private static final String TOKEN = "e2e-scim-token";
    private static final Duration CYCLE = Duration.ofSeconds(90);

    private final DirectoryDataGenerator generator = new DirectoryDataGenerator();
    private final DirectoryData data = generator.generate(USERS, GROUPS);
    private SlapdTestDirectory directory;
    private ScimServer scim;
    private Platform platform;
    private ProvisioningJob job;

    @BeforeAll
    void start() throws Exception {
        directory = new SlapdTestDirectory();
        directory.load(data);
        scim = new ScimServer(ScimServerConfig.defaults().withBearerToken(TOKEN).withJournalCapacity(100_000)).start();
        platform = new Platform().start();
        job = ProvisioningJob.create(platform, directory, scim, TOKEN);
        job.scopeUsers("""
                {"categoryFilterGroups":[],"inputFilterGroups":[],"groups":[{"name":"No contractors","clauses":[
                {"sourceOperandName":"title","operatorName":"NOT EQUALS","targetOperand":{"values":["Contractor"]}}]}]}""");
    }

    @AfterAll
    void stop() throws Exception {
        Resources.closeAll(platform, scim, directory);
    }

    @Test
    @Order(1)
    void theInitialCycleProvisionsEveryUserAndGroupWithItsMembers() {
        Instant started = Instant.now();
        job.start();
        job.awaitCycleAfter(started, Duration.ofMinutes(4), "Succeeded");
        Awaitility.await().atMost(CYCLE).until(() -> scim.users().size() == USERS && scim.groups().size() == GROUPS);
        JsonPath status = job.status();
        assertThat(status.getString("status.code")).isEqualTo("Active");
        assertThat(status.getLong("status.lastSuccessfulExecutionWithExports.countExported"))
                .as("the initial cycle (later cycles without changes export nothing)")
                .isGreaterThanOrEqualTo(USERS + GROUPS);
        assertThat(status.getList("status.synchronizedEntryCountByType.value", Long.class))
                .containsExactlyInAnyOrder((long) USERS, (long) GROUPS);

        assertThat(scim.users().size()).isEqualTo(USERS);
        assertThat(scim.groups().size()).isEqualTo(GROUPS);
        Map<String, String> idByDn = targetIdsByDn();
        for (GeneratedUser user : List.of(data.users().get(0), data.users().get(USERS / 2), data.users().get(USERS - 1))) {
            ObjectNode target = user(user.mail());
            assertThat(target.path("displayName").asText()).isEqualTo(user.displayName());
            assertThat(target.path("title").asText()).isEqualTo(user.title());
            assertThat(target.path("active").asBoolean()).isTrue();
            user.managerDn().ifPresent(manager -> assertThat(target.at(
                    "/urn:ietf:params:scim:schemas:extension:enterprise:2.0:User/manager").toString())
                    .contains(idByDn.get(directory.userDn(uidOf(manager)))));
        }
        for (GeneratedGroup group : data.groups()) {
            assertThat(members(group.cn())).as(group.cn()).containsExactlyInAnyOrderElementsOf(
                    group.memberUids().stream().map(uid -> idByDn.get(directory.userDn(uid))).toList());
        }
    }

    @Test
    @Order(2)
    void laterChangesArriveInTheNextCycle() throws Exception {
        GeneratedUser changed = data.users().get(10);
        GeneratedUser contractor = data.users().get(11);
        GeneratedGroup group = data.groups().get(3);
        String removedMember = group.memberUids().get(0);
        GeneratedUser deleted = data.users().stream().filter(u -> !u.uid().equals(removedMember)
                && data.groups().stream().noneMatch(g -> g.memberUids().contains(u.uid()))
                && data.users().stream().noneMatch(m -> m.managerDn().filter(u.dn()::equals).isPresent()))
                .findFirst().orElse(data.users().get(12));
        GeneratedUser added = generator.user(USERS);
        String addedMember = data.users().stream().map(GeneratedUser::uid)
                .filter(uid -> !group.memberUids().contains(uid)).findFirst().orElseThrow();
        String deletedId = user(deleted.mail()).path("id").asText();
        scim.journal().clear();
        Instant changedAt = Instant.now();

        directory.modify(directory.userDn(changed.uid()), "title", "Principal Tester");
        directory.modify(directory.userDn(contractor.uid()), "title", "Contractor");
        directory.addUser(added);
        directory.removeMember(directory.groupDn(group.cn()), directory.userDn(removedMember));
        directory.addMember(directory.groupDn(group.cn()), directory.userDn(addedMember));
        directory.delete(directory.userDn(deleted.uid()));
        job.awaitCycleAfter(changedAt, CYCLE, "Succeeded");
        Awaitility.await().atMost(CYCLE).until(() -> scim.users().size() == USERS && members(group.cn()).size()
                == group.memberUids().size());

        ObjectNode target = user(changed.mail());
        assertThat(target.path("title").asText()).isEqualTo("Principal Tester");
        List<JournalEntry> patches = scim.journal().matching("PATCH", ".*/Users/" + target.path("id").asText());
        assertThat(patches).hasSize(1);
        assertThat(patches.get(0).json().path("Operations")).hasSize(1);
        assertThat(patches.get(0).json().at("/Operations/0/path").asText()).isEqualTo("title");

        assertThat(user(contractor.mail()).path("active").asBoolean()).as("left scope: soft-deleted").isFalse();
        assertThat(scim.users().get(deletedId)).as("deleted in the source: hard-deleted").isEmpty();
        assertThat(scim.journal().matching("DELETE", ".*/Users/" + deletedId)).hasSize(1);
        assertThat(user(added.mail()).path("active").asBoolean()).isTrue();
        Map<String, String> idByDn = targetIdsByDn();
        assertThat(members(group.cn())).contains(idByDn.get(directory.userDn(addedMember)))
                .doesNotContain(idByDn.get(directory.userDn(removedMember)));
    }

    @Test
    @Order(3)
    void aFullRestartReevaluatesEverythingWithoutDuplicates() {
        int inScope = USERS - 1; // the contractor of the previous test left scope: nothing to match
        scim.journal().clear();
        String traceId = UUID.randomUUID().toString().replace("-", "");
        job.restart("Full", Map.of("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01"));
        Awaitility.await().atMost(CYCLE).until(() -> valuesMatched() >= inScope);
        job.awaitCycleAfter(Instant.now(), CYCLE, "Succeeded");
        assertThat(valuesMatched()).as("the connector data store was reset: every user matched again")
                .isGreaterThanOrEqualTo(inScope);
        assertThat(matchQueries())
                .as("the trace of the restart request went job-api → sync.job-commands → scheduler → sync.ticks → "
                        + "change-detector → sync.object-changes → provisioner → the SCIM application")
                .allSatisfy(get -> assertThat(get.traceparent()).startsWith("00-" + traceId + "-"));
        assertThat(scim.journal().matching("POST", ".*/Users")).as("existing users matched, not created").isEmpty();
        assertThat(scim.journal().matching("POST", ".*/Groups")).isEmpty();
        assertThat(scim.users().size()).isEqualTo(USERS);
        assertThat(distinctUserNames()).isEqualTo(USERS);
    }

    /** The match queries the SCIM app answered: one per object, or one per batch of values ({@code ... or ...}). */
    private List<JournalEntry> matchQueries() {
        return scim.journal().matching("GET", ".*/Users").stream()
                .filter(get -> get.parameters().containsKey("filter")).toList();
    }

    /** The values asked about by the match queries. */
    private long valuesMatched() {
        return matchQueries().stream().mapToLong(get -> get.parameters().get("filter").split(" or ").length).sum();
    }

    @Test
    @Order(4)
    void aProvisionerStoppedMidCycleLosesAndDuplicatesNothing() throws Exception {
        int extra = 300;
        int before = scim.users().size();
        scim.faults().add(FaultRule.latency(Duration.ofMillis(40)).onMethod("POST"));
        List<GeneratedUser> added = new ArrayList<>();
        for (int i = 1; i <= extra; i++) {
            GeneratedUser user = generator.user(USERS + i);
            directory.addUser(user);
            added.add(user);
        }
        Awaitility.await().atMost(CYCLE).until(() -> scim.users().size() >= before + 40);
        platform.kill("provisioner");
        int createdBeforeCrash = scim.users().size() - before;
        scim.faults().clear();
        platform.restart("provisioner");

        Awaitility.await().atMost(Duration.ofMinutes(3)).until(() -> scim.users().size() == before + extra);
        assertThat(createdBeforeCrash).as("the crash happened mid-cycle").isLessThan(extra);
        assertThat(distinctUserNames()).isEqualTo(scim.users().size());
        for (GeneratedUser user : List.of(added.get(0), added.get(extra - 1))) {
            assertThat(user(user.mail()).path("active").asBoolean()).isTrue();
        }
    }

    @Test
    @Order(5)
    void targetFaultsAreRecoveredAndLogged() throws Exception {
        GeneratedUser one = data.users().get(20);
        GeneratedUser two = data.users().get(21);
        scim.faults().add(FaultRule.respond(500).onMethod("PATCH").times(2));
        scim.faults().add(FaultRule.malformed(Malformation.WRONG_SHAPE).onMethod("PATCH").times(1));
        Instant changedAt = Instant.now();
        directory.modify(directory.userDn(one.uid()), "title", "Fault Tolerant");
        directory.modify(directory.userDn(two.uid()), "title", "Also Fault Tolerant");
        Awaitility.await().atMost(CYCLE).until(() -> user(one.mail()).path("title").asText().equals("Fault Tolerant")
                && user(two.mail()).path("title").asText().equals("Also Fault Tolerant"));
        // The logs travel on another topic than the target's requests, and job-api stores them in batches
        JsonNode failures = Awaitility.await().atMost(CYCLE).until(() -> job.logs(
                " and provisioningStatusInfo/status eq 'failure'"), logs -> !logs.isEmpty());
        assertThat(failures.get(0).at("/provisioningStatusInfo/errorInformation/errorCode").asText()).isNotBlank();
        assertThat(job.status().getString("status.code")).isEqualTo("Active");

        Instant outage = Instant.now();
        scim.outage(Duration.ofSeconds(8));
        directory.modify(directory.userDn(one.uid()), "title", "Survived An Outage");
        Awaitility.await().atMost(CYCLE).until(() -> {
            for (JsonNode log : job.logs(" and provisioningStatusInfo/status eq 'failure'")) {
                if (Instant.parse(log.path("activityDateTime").asText()).isAfter(outage)) {
                    return true;
                }
            }
            return false;
        });
        Awaitility.await().atMost(CYCLE).until(() -> !scim.isDown()
                && user(one.mail()).path("title").asText().equals("Survived An Outage"));
    }

    @Test
    @Order(6)
    void anUnreachableDirectoryFailsCyclesUntilItIsBack() {
        job.putSecrets(Map.of("BaseAddress", scim.baseUrl(), "SecretToken", TOKEN, "Server", "ldap://127.0.0.1:1",
                "UserName", directory.bindDn(), "Password", directory.password(), "Domain", directory.baseDn()));
        Instant broken = Instant.now();
        JsonPath failed = job.awaitCycleAfter(broken, CYCLE, "Failed");
        assertThat(failed.getString("status.lastExecution.error.code")).isEqualTo("SourceUnreachable");
        Awaitility.await().atMost(CYCLE).until(() -> "Quarantine".equals(job.status().getString("status.code")));
        assertThat(job.status().getString("status.quarantine.reason")).isEqualTo("EncounteredQuarantineException");

        job.putSecrets(Map.of("BaseAddress", scim.baseUrl(), "SecretToken", TOKEN, "Server", directory.url(),
                "UserName", directory.bindDn(), "Password", directory.password(), "Domain", directory.baseDn()));
        Instant fixed = Instant.now();
        JsonPath recovered = job.awaitCycleAfter(fixed, CYCLE, "Succeeded");
        assertThat(recovered.getString("status.code")).isEqualTo("Active");
        assertThat(recovered.getString("status.quarantine")).isNull();
    }

    private ObjectNode user(String userName) {
        List<ObjectNode> found = scim.users().find("userName eq \"" + userName + "\"");
        assertThat(found).as(userName).hasSize(1);
        return found.get(0);
    }

    private List<String> members(String groupName) {
        List<String> ids = new ArrayList<>();
        scim.groups().find("displayName eq \"" + groupName + "\"").get(0).path("members")
                .forEach(member -> ids.add(member.path("value").asText()));
        return ids;
    }

    private long distinctUserNames() {
        return scim.users().all().stream().map(u -> u.path("userName").asText()).distinct().count();
    }

    /** Target id of every provisioned user, by its LDAP DN (externalId holds the uid). */
    private Map<String, String> targetIdsByDn() {
        Map<String, String> ids = new HashMap<>();
        scim.users().all().forEach(u -> ids.put(directory.userDn(u.path("externalId").asText()), u.path("id").asText()));
        return ids;
    }

    private static String uidOf(String dn) {
        return dn.substring(4, dn.indexOf(','));
    }
}

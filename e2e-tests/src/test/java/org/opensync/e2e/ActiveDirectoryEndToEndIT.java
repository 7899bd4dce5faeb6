package org.opensync.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.opensync.sandbox.directory.SambaTestDirectory;
import org.opensync.sandbox.scim.ScimServer;
import org.opensync.sandbox.scim.ScimServerConfig;

/**
 * Active Directory (the Samba AD DC) → change-detector (DirSync) → provisioner → a SCIM 2.0 application, with the
 * built-in AD2SCIM template: 2,000 users (every tenth disabled) and 20 groups, one with every user as member (more
 * than one range of values), then each kind of DirSync delta, a restart with Full, and an account without the
 * replication right. The scenarios build on each other. Prints the initial cycle's rate and each delta's latency
 * (AD change → SCIM), which with DirSync is push mode's, not the interval's.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ActiveDirectoryEndToEndIT {
    private static final int USERS = 2_000;
    /** Every tenth user but the first is disabled in AD: like Entra, the job does not create such an account. */
    private static final int ENABLED_USERS = USERS - (USERS - 1) / 10;
    private static final int SMALL_GROUPS = 19;
    private static final String TOKEN = "e2e-ad-token";
    private static final Duration CYCLE = Duration.ofSeconds(90);
    private static final Duration INTERVAL = Duration.ofSeconds(30);
    private static final int ENABLED = SambaTestDirectory.SEEDED_ENABLED;
    private static final int DISABLED = ENABLED | 0x2;
    private static final String READER_PASSWORD = "Reader-Passw0rd!";

    private SambaTestDirectory directory;
    private final List<String> userDns = new ArrayList<>();
    private ScimServer scim;
    private Platform platform;
    private ProvisioningJob job;

    @BeforeAll
    void start() throws Exception {
        assumeTrue(SambaTestDirectory.installed(), "Samba is not installed: the Active Directory tests are skipped");
        directory = new SambaTestDirectory();
        List<Entry> users = IntStream.range(0, USERS).mapToObj(this::user).toList();
        users.forEach(user -> userDns.add(user.getDN()));
        SambaTestDirectory.addInParallel(users);
        List<Entry> groups = new ArrayList<>();
        groups.add(SambaTestDirectory.group(directory.groupsDn(), directory.name("everyone"), userDns));
        for (int g = 0; g < SMALL_GROUPS; g++) {
            groups.add(SambaTestDirectory.group(directory.groupsDn(), directory.name("team" + g),
                    userDns.subList(g * 10, g * 10 + 10)));
        }
        SambaTestDirectory.addInParallel(groups);
        directory.add(SambaTestDirectory.user(directory.addOrganizationalUnit("service"), directory.name("reader"),
                READER_PASSWORD));
        scim = new ScimServer(ScimServerConfig.defaults().withBearerToken(TOKEN).withJournalCapacity(100_000)).start();
        // Ticks half a minute apart: the deltas arrive by push mode (the DirSync watch rings the job's bell), the
        // account without the replication right by ticks
        platform = new Platform().start(INTERVAL, Map.of(
                "sync.change-detector.ldap-trusted-certificates", SambaTestDirectory.caCertificate().toString()));
        job = ProvisioningJob.create(platform, "AD2SCIM", scim, TOKEN, Map.of("Server", SambaTestDirectory.URL,
                "UserName", SambaTestDirectory.BIND_UPN, "Password", SambaTestDirectory.PASSWORD,
                "Domain", directory.baseDn()));
    }

    @AfterAll
    void stop() throws Exception {
        Resources.closeAll(platform, scim, directory);
    }

    @Test
    @Order(1)
    void theInitialCycleProvisionsEveryUserAndGroupWithAllMembers() {
        Instant started = Instant.now();
        job.start();
        job.awaitCycleAfter(started, Duration.ofMinutes(5), "Succeeded");
        // the enabled users and the reader account
        Awaitility.await().atMost(CYCLE).until(() -> scim.users().size() == ENABLED_USERS + 1
                && scim.groups().size() == SMALL_GROUPS + 1);
        Duration initial = Duration.between(started, Instant.now());
        System.out.printf("AD initial cycle: %d objects into SCIM in %.1f s (%.0f objects/s)%n",
                ENABLED_USERS + 1 + SMALL_GROUPS + 1, initial.toMillis() / 1000.0,
                (ENABLED_USERS + SMALL_GROUPS + 2) * 1000.0 / initial.toMillis());

        assertThat(members("everyone")).hasSize(ENABLED_USERS);
        assertThat(members("team3")).as("u0030 is disabled").hasSize(9);
        ObjectNode u7 = user("u0007");
        assertThat(u7.path("externalId").asText()).matches("[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}");
        assertThat(u7.path("active").asBoolean()).isTrue();
        assertThat(scim.users().find("userName eq \"" + directory.name("u0010") + "@example.org\""))
                .as("disabled in AD, never provisioned").isEmpty();
        JsonPath status = job.status();
        assertThat(status.getString("status.lastExecution.error")).isNull();
    }

    @Test
    @Order(2)
    void attributeChangesDisableAndEnableArrive() throws Exception {
        latency("attribute change", () -> modify(userDns.get(1), "title", "Principal Tester"),
                () -> "Principal Tester".equals(user("u0001").path("title").asText()));
        latency("disable (userAccountControl 546)", () -> modify(userDns.get(2), "userAccountControl",
                String.valueOf(DISABLED)), () -> !user("u0002").path("active").asBoolean());
        latency("enable", () -> modify(userDns.get(2), "userAccountControl", String.valueOf(ENABLED)),
                () -> user("u0002").path("active").asBoolean());
    }

    @Test
    @Order(3)
    void membershipChangesArrive() throws Exception {
        String team = "CN=" + directory.name("team0") + "," + directory.groupsDn();
        String added = targetId("u0501");
        String removed = targetId("u0000");
        latency("membership add and remove", () -> directory.connection().modify(team,
                        new Modification(ModificationType.ADD, "member", userDns.get(501)),
                        new Modification(ModificationType.DELETE, "member", userDns.get(0))),
                () -> members("team0").contains(added) && !members("team0").contains(removed));
        assertThat(members("team0")).hasSize(10);
    }

    @Test
    @Order(4)
    void renamesAndMovesKeepTheTargetObjectAndDeletionsRemoveIt() throws Exception {
        String renamedId = targetId("u0004");
        String movedId = targetId("u0005");
        String moved = directory.addOrganizationalUnit("moved");
        String deletedId = targetId("u0003");
        scim.journal().clear();
        // displayName is Coalesce([displayName], [cn]): a rename shows there
        latency("rename", () -> directory.connection().modifyDN(userDns.get(4), "CN=renamed4", true),
                () -> "renamed4".equals(user("u0004").path("displayName").asText()));
        // A move changes no mapped attribute: the deletion after it shows that its cycle passed
        directory.connection().modifyDN(userDns.get(5), "CN=" + directory.name("u0005"), true, moved);
        latency("delete (tombstone)", () -> directory.connection().delete(userDns.get(3)),
                () -> scim.users().get(deletedId).isEmpty());
        assertThat(user("u0004").path("id").asText()).isEqualTo(renamedId);
        assertThat(user("u0005").path("id").asText()).isEqualTo(movedId);
        assertThat(scim.journal().matching("POST", ".*/Users")).as("nothing created again").isEmpty();
        assertThat(scim.journal().matching("DELETE", ".*/Users/.*")).hasSize(1);
        // the groups holding the deleted user are updated right after it, in the same cycle
        Awaitility.await().atMost(CYCLE).until(() -> members("everyone").size() == ENABLED_USERS - 1);
        assertThat(members("everyone")).doesNotContain(deletedId);
    }

    @Test
    @Order(5)
    void aRestartWithFullReadsEverythingAgainAndChangesNothing() {
        int users = scim.users().size();
        Instant restarted = Instant.now();
        scim.journal().clear();
        job.restart("Full");
        job.awaitCycleAfter(restarted, Duration.ofMinutes(4), "Succeeded");
        assertThat(scim.users().size()).isEqualTo(users);
        assertThat(scim.journal().matching("POST", ".*")).isEmpty();
        assertThat(scim.journal().matching("DELETE", ".*")).isEmpty();
    }

    @Test
    @Order(6)
    void anAccountWithoutTheReplicationRightFallsBackWithAWarningInTheStatus() throws Exception {
        job.putSecrets(Map.of("BaseAddress", scim.baseUrl(), "SecretToken", TOKEN, "Server", SambaTestDirectory.URL,
                "UserName", directory.name("reader") + "@example.org", "Password", READER_PASSWORD,
                "Domain", directory.baseDn()));
        Instant changed = Instant.now();
        modify(userDns.get(6), "title", "Seen without DirSync");
        JsonPath status = job.awaitCycleAfter(changed, CYCLE, "Succeeded");
        Awaitility.await().atMost(CYCLE).until(() ->
                "Seen without DirSync".equals(user("u0006").path("title").asText()));
        Awaitility.await().atMost(CYCLE).until(() -> "DirSyncNotPermitted".equals(
                job.status().getString("status.lastExecution.error.code")));
        assertThat(job.status().getString("status.lastExecution.error.message"))
                .contains("Replicating Directory Changes");
        assertThat(status.getString("status.code")).isEqualTo("Active");
        String deletedId = targetId("u0008");
        latency("delete without DirSync (anchor listing)", () -> directory.connection().delete(userDns.get(8)),
                () -> scim.users().get(deletedId).isEmpty());
    }

    private void latency(String what, ThrowingRunnable change, Callable<Boolean> arrived) throws Exception {
        Instant before = Instant.now();
        change.run();
        Awaitility.await().atMost(CYCLE).pollInterval(Duration.ofMillis(200)).until(arrived);
        System.out.printf("AD delta latency, %s: %.1f s%n", what,
                Duration.between(before, Instant.now()).toMillis() / 1000.0);
    }

    @FunctionalInterface
    private interface ThrowingRunnable {
        void run() throws Exception;
    }

    private void modify(String dn, String attribute, String value) throws Exception {
        directory.connection().modify(dn, new Modification(ModificationType.REPLACE, attribute, value));
    }

    private Entry user(int i) {
        return directory.seededUser(i, i % 10 == 0 && i > 0);
    }

    private ObjectNode user(String name) {
        List<ObjectNode> found = scim.users().find("userName eq \"" + directory.name(name) + "@example.org\"");
        assertThat(found).as(name).hasSize(1);
        return found.get(0);
    }

    private String targetId(String name) {
        return user(name).path("id").asText();
    }

    private List<String> members(String group) {
        List<String> ids = new ArrayList<>();
        scim.groups().find("displayName eq \"" + directory.name(group) + "\"").get(0).path("members")
                .forEach(member -> ids.add(member.path("value").asText()));
        return ids;
    }
}

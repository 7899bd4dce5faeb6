package org.opensync.provisioner;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.opensync.common.events.EventCodec;
import org.opensync.common.events.JobEvent;
import org.opensync.common.events.ObjectChange;
import org.opensync.common.events.RestartScope;
import org.opensync.common.events.Tick;
import org.opensync.common.logs.ProvisioningLogRecorded;
import org.opensync.common.logs.ProvisioningObjectSummary;
import org.opensync.connectors.net.EgressPolicy;
import org.opensync.connectors.net.EgressSettings;
import org.opensync.connectors.scim.OAuthClientCredentials;
import org.opensync.connectors.scim.TokenEndpoint;
import org.opensync.provisioner.cds.RefreshTokens;
import org.opensync.sandbox.ldap.DirectoryData;
import org.opensync.sandbox.ldap.DirectoryDataGenerator;
import org.opensync.sandbox.ldap.GeneratedGroup;
import org.opensync.sandbox.ldap.GeneratedUser;
import org.opensync.sandbox.scim.FaultRule;
import org.opensync.sandbox.scim.JournalEntry;
import org.opensync.sandbox.scim.Malformation;
import org.opensync.testing.TopicProbe;

/**
 * Object changes on the real {@code sync.object-changes} topic provisioned into a SCIM 2.0 application over HTTP
 * (the sandbox server), with the request journal showing exactly what was sent.
 */
@QuarkusTest
class ProvisioningTest extends ProvisionerTestBase {
    @Inject
    RefreshTokens refreshTokens;


    @Test
    void usersAndGroupsAreCreatedWithMembersAndManagers() throws Exception {
        DirectoryData data = new DirectoryDataGenerator().generate(30, 4);
        TargetJob job = ready(null, Map.of());
        finished(job, job.cycle(Set.of(), initialImages(job, data)));

        assertThat(scim.users().size()).isEqualTo(30);
        assertThat(scim.groups().size()).isEqualTo(4);
        GeneratedUser someone = data.users().get(5);
        ObjectNode user = userNamed(someone.mail());
        assertThat(user.path("active").asBoolean()).isTrue();
        assertThat(user.at("/name/givenName").asText()).isEqualTo(someone.givenName());
        assertThat(user.at("/name/familyName").asText()).isEqualTo(someone.surname());
        assertThat(user.path("emails").get(0).path("value").asText()).isEqualTo(someone.mail());
        assertThat(user.path("externalId").asText()).isEqualTo(someone.uid());
        GeneratedUser managed = data.users().stream().filter(u -> u.managerDn().isPresent()).findFirst().orElseThrow();
        String managerId = userNamed(data.users().stream().filter(u -> u.dn().equals(managed.managerDn().get()))
                .findFirst().orElseThrow().mail()).path("id").asText();
        assertThat(userNamed(managed.mail()).at("/urn:ietf:params:scim:schemas:extension:enterprise:2.0:User/manager")
                .toString()).contains(managerId);

        data.groups().forEach(group -> assertThat(memberIds(group)).containsExactlyInAnyOrderElementsOf(
                expectedMemberIds(data, group)));
        assertThat(scim.journal().matching("POST", ".*/Groups")).allSatisfy(post ->
                assertThat(post.json().has("members")).as("groups are created without members").isFalse());
        ProvisioningObjectSummary created = logFor(job, "create");
        assertThat(created.provisioningStatusInfo().status()).isEqualTo("success");
        assertThat(created.provisioningSteps()).extracting(ProvisioningObjectSummary.Step::provisioningStepType)
                .contains("import", "scoping", "matching", "export");
    }

    /**
     * A batch's managers are read from the connector data store in one query before its exports start. A report whose
     * manager the same batch creates still gets it (when it resolves it, or at the end of the cycle), one whose new
     * manager was linked before the batch gets that one's id, and a manager linked to nothing is logged unresolved:
     * what looking each manager up alone found.
     */
    @Test
    void aBatchsManagersAreLookedUpAtOnceWithWhatOneByOneResolutionFinds() throws Exception {
        List<GeneratedUser> users = new DirectoryDataGenerator().generate(30, 0).users();
        TargetJob job = ready(null, Map.of());
        finished(job, job.cycleInOneBatch(users.stream().map(user -> job.object("User", user.toEntry(), false))
                .toList()));
        List<GeneratedUser> managed = users.stream().filter(user -> user.managerDn().isPresent()).toList();
        assertThat(managed).hasSizeGreaterThan(20).allSatisfy(user -> assertThat(managerIdOf(user.mail()))
                .isEqualTo(userNamed(users.stream().filter(other -> other.dn().equals(user.managerDn().get()))
                        .findFirst().orElseThrow().mail()).path("id").asText()));

        GeneratedUser newManager = users.get(users.size() - 1);
        List<GeneratedUser> moved = managed.subList(0, 4);
        List<ObjectChange.ObjectChanged> batch = new ArrayList<>();
        for (GeneratedUser user : moved) {
            com.unboundid.ldap.sdk.Entry entry = user.toEntry();
            entry.setAttribute("manager", user == moved.get(3) ? "uid=nobody,ou=people,dc=example,dc=org"
                    : newManager.dn());
            batch.add(job.object("User", entry, false));
        }
        String cycleId = job.cycleInOneBatch(batch);
        finished(job, cycleId);

        String newManagerId = userNamed(newManager.mail()).path("id").asText();
        moved.subList(0, 3).forEach(user -> assertThat(managerIdOf(user.mail())).isEqualTo(newManagerId));
        String nowhere = batch.get(3).anchor();
        Awaitility.await().atMost(TIMEOUT).untilAsserted(() -> assertThat(logsOf(job, cycleId))
                .filteredOn(log -> log.sourceIdentity().id().equals(nowhere))
                .flatExtracting(ProvisioningObjectSummary::provisioningSteps)
                .anySatisfy(step -> {
                    assertThat(step.provisioningStepType()).isEqualTo("referenceResolution");
                    assertThat(step.description()).contains("uid=nobody");
                }));
    }

    private static String managerIdOf(String userName) {
        return userNamed(userName).at("/urn:ietf:params:scim:schemas:extension:enterprise:2.0:User/manager/value")
                .asText();
    }

    @Test
    void onlyTheChangedAttributeIsPatched() throws Exception {
        DirectoryData data = new DirectoryDataGenerator().generate(3, 0);
        TargetJob job = ready(null, Map.of());
        finished(job, job.cycle(Set.of(), initialImages(job, data)));
        scim.journal().clear();

        GeneratedUser user = data.users().get(1);
        com.unboundid.ldap.sdk.Entry changed = user.toEntry();
        changed.setAttribute("title", "Chief Tester");
        finished(job, job.cycle(Set.of(), List.of(job.object("User", changed, false),
                job.object("User", data.users().get(2).toEntry(), false))));

        List<JournalEntry> patches = scim.journal().matching("PATCH", ".*/Users/.*");
        assertThat(patches).hasSize(1);
        assertThat(patches.get(0).json().path("Operations")).hasSize(1);
        assertThat(patches.get(0).json().at("/Operations/0/path").asText()).isEqualTo("title");
        assertThat(patches.get(0).json().at("/Operations/0/value").asText()).isEqualTo("Chief Tester");
        assertThat(scim.journal().matching("POST", ".*")).isEmpty();
        assertThat(userNamed(user.mail()).path("title").asText()).isEqualTo("Chief Tester");
    }

    @Test
    void aWarningOfTheReadBecomesTheErrorOfACycleThatWorked() throws Exception {
        DirectoryData data = new DirectoryDataGenerator().generate(1, 0);
        TargetJob job = ready(null, Map.of());
        String cycleId = job.begin(Tick.CycleKind.Incremental, Set.of(), initialImages(job, data));
        ObjectChange.CycleReadCompleted completed = job.readCompleted(cycleId, Tick.CycleKind.Incremental, 1);
        JobEvent.CycleError warning = new JobEvent.CycleError("PasswordSentInClear", "sent over plain LDAP", true);
        job.publish(new ObjectChange.CycleReadCompleted(completed.eventId(), completed.occurredAt(), completed.jobId(),
                cycleId, completed.cycleKind(), completed.timeBegan(), 1, 1, warning, null));

        JobEvent.CycleFinished finished = finished(job, cycleId);
        assertThat(finished.result()).isEqualTo(JobEvent.CycleResult.Succeeded);
        assertThat(finished.error()).isEqualTo(warning);
        assertThat(scim.users().size()).isEqualTo(1);
    }

    @Test
    void anExistingTargetObjectIsMatchedNotCreatedAgain() throws Exception {
        DirectoryData data = new DirectoryDataGenerator().generate(2, 0);
        GeneratedUser existing = data.users().get(0);
        String id = scim.users().create(JSON.readTree("{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],"
                + "\"userName\":\"" + existing.mail() + "\",\"active\":true}")).path("id").asText();
        TargetJob job = ready(null, Map.of());
        finished(job, job.cycle(Set.of(), initialImages(job, data)));

        assertThat(scim.users().size()).isEqualTo(2);
        assertThat(scim.journal().matching("POST", ".*/Users")).hasSize(1);
        ObjectNode matched = scim.users().get(id).orElseThrow();
        assertThat(matched.at("/name/familyName").asText()).isEqualTo(existing.surname());
    }

    /**
     * Objects arriving together are matched by a query per matching attribute for all their values, with what
     * matching one by one finds. The first matching attribute here is externalId, then userName: an object only
     * userName finds (case aside) is matched by it; two target objects holding one externalId make
     * DuplicateTargetEntries; of two source objects sharing a userName, one is created and the other refused; the
     * rest are created.
     */
    @Test
    void aBatchIsMatchedInAQueryPerAttributeWithWhatSingleMatchingFinds() throws Exception {
        List<GeneratedUser> users = new DirectoryDataGenerator().generate(8, 0).users();
        String matchedId = targetUser(users.get(0).mail().toUpperCase(), "elsewhere");
        targetUser("twin-a", users.get(1).uid());
        targetUser("twin-b", users.get(1).uid());
        TargetJob job = ready(schema -> {
            for (JsonNode mapping : schema.at("/synchronizationRules/0/objectMappings/0/attributeMappings")) {
                String target = mapping.path("targetAttributeName").asText();
                if (target.equals("externalId") || target.equals("userName")) {
                    ((ObjectNode) mapping).put("matchingPriority", target.equals("externalId") ? 1 : 2);
                }
            }
        });
        List<ObjectChange.ObjectChanged> batch = new ArrayList<>(users.stream()
                .map(user -> job.object("User", user.toEntry(), false)).toList());
        com.unboundid.ldap.sdk.Entry namesake = users.get(3).toEntry();
        namesake.setAttribute("mail", users.get(2).mail());
        batch.set(3, job.object("User", namesake, false));

        String cycleId = job.cycleInOneBatch(batch);
        finished(job, cycleId);

        List<JournalEntry> queries = scim.journal().matching("GET", ".*/Users");
        // a query per matching attribute and poll: Kafka may hand the batch over in more than one poll
        assertThat(queries.stream().filter(query -> query.parameters().getOrDefault("filter", "").contains(" or ")))
                .as("batched queries").isNotEmpty();
        // the failures are tried once more at the end of the cycle, one by one
        assertThat(queries.stream().map(query -> query.parameters().getOrDefault("filter", ""))
                .filter(filter -> !filter.contains(" or ")))
                .as("besides them, only the twins' externalId and the namesakes are asked alone")
                .isSubsetOf("externalId eq \"" + users.get(1).uid() + "\"", "userName eq \"" + users.get(2).mail() + "\"",
                        "externalId eq \"" + users.get(2).uid() + "\"", "externalId eq \"" + users.get(3).uid() + "\"");
        Awaitility.await().atMost(TIMEOUT).until(() -> logsOf(job, cycleId).stream()
                .map(log -> log.sourceIdentity().id()).distinct().count() == users.size());
        Map<String, ProvisioningObjectSummary> byAnchor = logsOf(job, cycleId).stream().collect(Collectors.toMap(
                log -> log.sourceIdentity().id(), log -> log, (first, retried) -> first));
        ProvisioningObjectSummary matched = byAnchor.get(batch.get(0).anchor());
        assertThat(matched.targetIdentity().id()).isEqualTo(matchedId);
        assertThat(matched.provisioningAction()).isEqualTo("update");
        assertThat(byAnchor.get(batch.get(1).anchor()).provisioningStatusInfo().errorInformation().errorCode())
                .isEqualTo("DuplicateTargetEntries");
        assertThat(List.of(byAnchor.get(batch.get(2).anchor()), byAnchor.get(batch.get(3).anchor())))
                .extracting(log -> log.provisioningStatusInfo().status())
                .containsExactlyInAnyOrder("success", "failure");
        assertThat(scim.journal().matching("POST", ".*/Users")).as("the four others and one namesake").hasSize(5);
    }

    /**
     * A target that supports {@code /Bulk} gets the creates a job's workers ask for at the same time together, and
     * an operation it refuses fails that object alone, logged with the error its own POST would have met.
     */
    @Test
    void aBatchsCreatesGoInBulkRequestsAndARefusedOperationFailsOnlyItsObject() throws Exception {
        DirectoryData data = new DirectoryDataGenerator().generate(12, 0);
        TargetJob job = ready(null, Map.of());
        // the first requests (as many as a job has under way at once) linger, so the other creates gather behind them
        scim.faults().add(FaultRule.latency(Duration.ofMillis(300)).onMethod("POST").times(4));
        scim.faults().add(FaultRule.respond(400).onMethod("POST").onPath("/Users").everyNth(5).times(1));
        // one poll: creates spread over several polls could each find a free slot and go alone
        String cycleId = job.cycleInOneBatch(initialImages(job, data));
        finished(job, cycleId);

        assertThat(scim.journal().matching("POST", "/Bulk")).as("bulk requests").isNotEmpty();
        assertThat(scim.journal().matching("POST", "/Users")).filteredOn(JournalEntry::inBulk)
                .as("creates sent in them").hasSizeGreaterThan(1);
        assertThat(scim.users().all().stream().map(user -> user.path("userName").asText()).distinct())
                .as("no user created twice").hasSize(scim.users().size());
        Awaitility.await().atMost(TIMEOUT).until(() -> logsOf(job, cycleId).stream()
                .map(log -> log.sourceIdentity().id()).distinct().count() == data.users().size());
        List<ProvisioningObjectSummary> failed = logsOf(job, cycleId).stream()
                .filter(log -> "failure".equals(log.provisioningStatusInfo().status())).toList();
        assertThat(failed).as("the refused operation's object, and no other").singleElement()
                .satisfies(log -> assertThat(log.provisioningStatusInfo().errorInformation().errorCode())
                        .isNotBlank());
        assertThat(logsOf(job, cycleId).stream().filter(log -> "success".equals(log.provisioningStatusInfo().status()))
                .map(log -> log.targetIdentity().id()).distinct()).as("each created object linked to its own id")
                .hasSize(scim.users().size());
    }

    private static String targetUser(String userName, String externalId) throws Exception {
        return scim.users().create(JSON.readTree("{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],"
                + "\"userName\":\"" + userName + "\",\"externalId\":\"" + externalId + "\",\"active\":true}"))
                .path("id").asText();
    }

    @Test
    void leavingScopeDisablesAndDeletionInTheSourceDeletes() throws Exception {
        JsonNode noContractors = JSON.readTree("""
                {"categoryFilterGroups":[],"inputFilterGroups":[],"groups":[{"name":"No contractors","clauses":[
                {"sourceOperandName":"title","operatorName":"NOT EQUALS","targetOperand":{"values":["Contractor"]}}]}]}""");
        DirectoryData data = new DirectoryDataGenerator().generate(4, 0);
        TargetJob job = ready(noContractors, Map.of());
        finished(job, job.cycle(Set.of(), initialImages(job, data)));
        assertThat(scim.users().size()).isEqualTo(4);
        scim.journal().clear(); // managers created after their reports were added by PATCH at the end of the cycle

        com.unboundid.ldap.sdk.Entry contractor = data.users().get(0).toEntry();
        contractor.setAttribute("title", "Contractor");
        JobEvent.CycleFinished cycle = finished(job, job.cycle(Set.of(), List.of(job.object("User", contractor, false),
                job.object("User", data.users().get(1).toEntry(), true),
                job.deletion("User", data.users().get(2).dn()))));

        assertThat(cycle.result()).isEqualTo(JobEvent.CycleResult.Succeeded);
        assertThat(userNamed(data.users().get(0).mail()).path("active").asBoolean()).as("left scope").isFalse();
        assertThat(userNamed(data.users().get(1).mail()).path("active").asBoolean()).as("disabled").isFalse();
        assertThat(scim.users().find("userName eq \"" + data.users().get(2).mail() + "\"")).as("deleted").isEmpty();
        assertThat(userNamed(data.users().get(3).mail()).path("active").asBoolean()).isTrue();
        assertThat(scim.journal().matching("PATCH", ".*")).allSatisfy(patch ->
                assertThat(patch.json().at("/Operations/0/path").asText()).isEqualTo("active"));
    }

    /**
     * SelectUniqueValue asks the target about each candidate, and the exports of a cycle run in parallel: namesakes
     * created at once, each POST held 300 ms by the target, would all find the first candidate free. Creations that
     * choose a unique value take turns within the job, so each gets its own.
     */
    @Test
    void namesakesCreatedAtOnceGetDifferentUniqueValues() throws Exception {
        TargetJob job = ready(schema -> addMapping(schema, "nickName",
                "SelectUniqueValue([sn], Join(\"\", [sn], \"2\"), Join(\"\", [sn], \"3\"))", "ObjectAddOnly"));
        scim.faults().add(FaultRule.latency(Duration.ofMillis(300)).onMethod("POST").onPath(".*/Users"));
        List<ObjectChange.ObjectChanged> namesakes = new DirectoryDataGenerator().generate(3, 0).users().stream()
                .map(user -> {
                    var entry = user.toEntry();
                    entry.setAttribute("sn", "Namesake");
                    return job.object("User", entry, false);
                }).toList();

        assertThat(finished(job, job.cycleInOneBatch(namesakes)).result()).isEqualTo(JobEvent.CycleResult.Succeeded);
        assertThat(scim.journal().matching("POST", ".*/Users")).extracting(post -> post.json().path("nickName").asText())
                .containsExactlyInAnyOrder("Namesake", "Namesake2", "Namesake3");
    }

    @Test
    void transientFaultsAreEscrowedAndRetriedWithoutLoss() throws Exception {
        DirectoryData data = new DirectoryDataGenerator().generate(12, 0);
        TargetJob job = ready(null, Map.of());
        scim.faults().add(FaultRule.respond(500).onMethod("POST").times(3));
        scim.faults().add(FaultRule.respond(429).retryAfter(1).onMethod("POST").times(2));
        scim.faults().add(FaultRule.malformed(Malformation.INVALID_JSON).onMethod("POST").times(1));
        JobEvent.CycleFinished cycle = finished(job, job.cycle(Set.of(), initialImages(job, data)));

        assertThat(scim.users().size()).isEqualTo(12);
        assertThat(scim.users().all().stream().map(u -> u.path("userName").asText()).distinct()).hasSize(12);
        assertThat(cycle.counts().get("countEscrowedRaw")).isZero();
        assertThat(cycle.result()).isEqualTo(JobEvent.CycleResult.EntryLevelErrors);
        assertThat(logs.records(TopicProbe.keyed(job.jobId)).stream()
                .map(r -> EventCodec.decode(r.value(), ProvisioningLogRecorded.class).summary())
                .filter(s -> "failure".equals(s.provisioningStatusInfo().status())))
                .isNotEmpty()
                .allSatisfy(s -> assertThat(s.provisioningStatusInfo().errorInformation().errorCode()).isNotBlank());
    }

    /**
     * Members whose creation is still escrowed when their group's cycle ends (a target refusing new users for a
     * while, objects handed over in a rebalance) join the group when they are created in a later cycle: the group's
     * unresolved references wait for their escrow instead of being forgotten at the end of the cycle.
     */
    @Test
    void membersEscrowedPastTheEndOfTheCycleJoinTheirGroupOnceCreated() throws Exception {
        DirectoryData data = new DirectoryDataGenerator().generate(8, 2);
        TargetJob job = ready(null, Map.of());
        scim.faults().add(FaultRule.dropConnection().onMethod("POST").onPath("/(Users.*|Bulk)"));
        finished(job, job.cycle(Set.of(), initialImages(job, data)));
        assertThat(scim.users().size()).isZero();
        assertThat(scim.groups().size()).isEqualTo(2);

        scim.faults().clear();
        JobEvent.CycleFinished second = finished(job, job.cycle(Set.of(), List.of()));

        assertThat(scim.users().size()).isEqualTo(8);
        data.groups().forEach(group -> assertThat(memberIds(group)).as(group.cn()).isNotEmpty()
                .containsExactlyInAnyOrderElementsOf(expectedMemberIds(data, group)));
        assertThat(second.counts().get("countEscrowedRaw")).isZero();
    }

    /**
     * A user added to the source and to a group while a cycle read users, then groups: the group (read after the
     * user's turn) names the user, who only arrives in the next cycle. The membership must follow then, although
     * the group itself does not change again.
     */
    @Test
    void aMemberArrivingACycleAfterItsGroupJoinsItWithoutTheGroupChangingAgain() throws Exception {
        DirectoryData data = new DirectoryDataGenerator().generate(6, 1);
        GeneratedUser late = data.users().get(0);
        GeneratedGroup group = data.groups().get(0);
        assertThat(group.memberDns()).as("the generated group holds the late user").contains(late.dn());
        TargetJob job = ready(null, Map.of());
        List<ObjectChange.ObjectChanged> first = new ArrayList<>(initialImages(job, data));
        first.removeIf(change -> change.dn().equals(late.dn()));
        finished(job, job.cycle(Set.of(), first));
        assertThat(scim.users().size()).isEqualTo(5);

        int patches = scim.journal().matching("PATCH", ".*/Groups/.*").size();
        finished(job, job.cycle(Set.of(), List.of(job.object("User", late.toEntry(), false))));

        assertThat(memberIds(group)).containsExactlyInAnyOrderElementsOf(expectedMemberIds(data, group));
        assertThat(scim.journal().matching("PATCH", ".*/Groups/.*")).as("only the late member is added")
                .hasSize(patches + 1).last().satisfies(patch -> assertThat(patch.body()).contains(
                        userNamed(late.mail()).path("id").asText()));
    }

    @Test
    void rejectedCredentialsFailTheWholeCycle() throws Exception {
        TargetJob job = new TargetJob();
        job.publishSchema(null);
        job.publishSecrets(scim, "wrong-token", Map.of());
        awaitMirrored(job);
        JobEvent.CycleFinished cycle = finished(job, job.cycle(Set.of(),
                initialImages(job, new DirectoryDataGenerator().generate(3, 0))));
        assertThat(cycle.result()).isEqualTo(JobEvent.CycleResult.Failed);
        assertThat(cycle.error().code()).isEqualTo("Unauthorized");
        assertThat(cycle.error().tenantActionable()).isTrue();
        assertThat(scim.users().size()).isZero();
    }

    @Test
    void anApplicationUsingTheClientCredentialsGrantGetsItsTokensFromTheTokenEndpoint() throws Exception {
        scim.oauth().register("opensync-client", "client-secret", Duration.ofHours(1));
        TargetJob job = new TargetJob();
        job.publishSchema(null);
        // the fixed token is wrong: only the OAuth tokens open the application
        job.publishSecrets(scim, "not-the-token", Map.of("Oauth2TokenExchangeUri", scim.tokenUrl(),
                "Oauth2ClientId", "opensync-client", "Oauth2ClientSecret", "client-secret"));
        awaitMirrored(job);
        JobEvent.CycleFinished cycle = finished(job, job.cycle(Set.of(),
                initialImages(job, new DirectoryDataGenerator().generate(4, 0))));
        assertThat(cycle.result()).isEqualTo(JobEvent.CycleResult.Succeeded);
        assertThat(scim.users().size()).isEqualTo(4);
        assertThat(scim.oauth().issued()).as("one token for the whole cycle").isEqualTo(1);
    }

    @Test
    void anAuthorizedApplicationGetsItsTokensWithTheRefreshTokenAndARotatedOneIsKeptSealed() throws Exception {
        scim.oauth().register("opensync-client", "client-secret", Duration.ofHours(1));
        scim.oauth().registerCode("consent", "opensync-client", "https://portal.example/callback");
        // what acquireAccessToken saved: the refresh token of an exchanged authorization code
        String authorized = new TokenEndpoint(HttpClient.newHttpClient(), Duration.ofSeconds(5),
                EgressPolicy.of(EgressSettings.loopbackAllowed())).exchangeCode(new OAuthClientCredentials(
                URI.create(scim.tokenUrl()), "opensync-client", "client-secret", ""), "consent",
                "https://portal.example/callback").refreshToken().orElseThrow();
        scim.oauth().rotateRefreshTokens(true);
        TargetJob job = new TargetJob();
        job.publishSchema(null);
        job.publishSecrets(scim, "not-the-token", Map.of("Oauth2TokenExchangeUri", scim.tokenUrl(),
                "Oauth2ClientId", "opensync-client", "Oauth2ClientSecret", "client-secret",
                "Oauth2RefreshToken", authorized));
        awaitMirrored(job);

        JobEvent.CycleFinished cycle = finished(job, job.cycle(Set.of(),
                initialImages(job, new DirectoryDataGenerator().generate(3, 0))));
        assertThat(cycle.result()).isEqualTo(JobEvent.CycleResult.Succeeded);
        assertThat(scim.users().size()).isEqualTo(3);
        assertThat(scim.oauth().refreshTokenValid(authorized)).as("rotated away").isFalse();
        String kept = refreshTokens.current(job.servicePrincipalId, authorized);
        assertThat(kept).isNotEqualTo(authorized);
        assertThat(scim.oauth().refreshTokenValid(kept)).as("the newest of the chain is kept").isTrue();
        assertThat(refreshTokens.current(job.servicePrincipalId, "a-new-authorization"))
                .as("a new authorization starts a new chain").isEqualTo("a-new-authorization");
    }

    @Test
    void massDeletionsWaitForForceDeletes() throws Exception {
        DirectoryData data = new DirectoryDataGenerator().generate(5, 0);
        TargetJob job = ready(null, Map.of("SyncNotificationSettings",
                "{\"Enabled\":false,\"DeleteThresholdEnabled\":true,\"DeleteThresholdValue\":3}"));
        finished(job, job.cycle(Set.of(), initialImages(job, data)));

        List<ObjectChange.ObjectChanged> deletions = data.users().subList(0, 4).stream()
                .map(user -> job.deletion("User", user.dn())).toList();
        JobEvent.CycleFinished held = finished(job, job.cycle(Set.of(), deletions));
        assertThat(held.result()).isEqualTo(JobEvent.CycleResult.Failed);
        assertThat(held.error().code()).isEqualTo("TooManyDeletes");
        assertThat(scim.users().size()).as("nothing deleted").isEqualTo(5);
        assertThat(logFor(job, "stagedDelete").provisioningStatusInfo().status()).isEqualTo("skipped");

        JobEvent.CycleFinished released = finished(job, job.cycle(EnumSet.of(RestartScope.ForceDeletes), List.of()));
        assertThat(released.result()).isEqualTo(JobEvent.CycleResult.Succeeded);
        assertThat(scim.users().size()).isEqualTo(1);
    }

    @Test
    void theJobSettingQuarantineTooManyDeletesThresholdHoldsDeletionsBackAndAHighOneLetsThemThrough()
            throws Exception {
        JobEvent.CycleFinished held = sixDeletions(withSettings(Map.of("QuarantineTooManyDeletesThreshold", "5")));
        assertThat(held.result()).isEqualTo(JobEvent.CycleResult.Failed);
        assertThat(held.error().code()).isEqualTo("TooManyDeletes");
        assertThat(held.error().message()).contains("threshold of 5");
        assertThat(scim.users().size()).as("6 deletions reach 5: nothing deleted").isEqualTo(7);

        scim.reset();
        JobEvent.CycleFinished through = sixDeletions(withSettings(Map.of("QuarantineTooManyDeletesThreshold",
                "50")));
        assertThat(through.result()).isEqualTo(JobEvent.CycleResult.Succeeded);
        assertThat(scim.users().size()).as("6 deletions stay below 50").isEqualTo(1);
    }

    /** Provisions 7 users, then deletes 6 of them in the source; the second cycle's outcome. */
    private JobEvent.CycleFinished sixDeletions(TargetJob job) throws Exception {
        DirectoryData data = new DirectoryDataGenerator().generate(7, 0);
        finished(job, job.cycle(Set.of(), initialImages(job, data)));
        assertThat(scim.users().size()).isEqualTo(7);
        return finished(job, job.cycle(Set.of(), data.users().subList(0, 6).stream()
                .map(user -> job.deletion("User", user.dn())).toList()));
    }

    @Test
    void twoSourceObjectsWithTheSameUserNameInOneBatchAreADuplicateSourceNotTheTargetsConflict() throws Exception {
        DirectoryData data = new DirectoryDataGenerator().generate(2, 0);
        GeneratedUser first = data.users().get(0);
        TargetJob job = ready(null, Map.of());
        com.unboundid.ldap.sdk.Entry twin = data.users().get(1).toEntry();
        twin.setAttribute("mail", first.mail());
        // slow matching queries keep both objects in flight at once, as a batch provisioned in parallel does
        scim.faults().add(FaultRule.latency(Duration.ofMillis(300)).onMethod("GET").times(2));
        ObjectChange.ObjectChanged one = job.object("User", first.toEntry(), false);
        ObjectChange.ObjectChanged other = job.object("User", twin, false);
        String cycleId = job.cycle(Set.of(), List.of(one, other));
        JobEvent.CycleFinished cycle = finished(job, cycleId);

        assertThat(cycle.result()).isEqualTo(JobEvent.CycleResult.EntryLevelErrors);
        assertThat(scim.users().size()).isEqualTo(1);
        assertThat(scim.journal().matching("POST", null)).as("one create, no conflict").hasSize(1)
                .allSatisfy(request -> assertThat(request.status()).isEqualTo(201));
        List<ProvisioningObjectSummary> failed = Awaitility.await().atMost(TIMEOUT).until(() -> logsOf(job, cycleId)
                .stream().filter(s -> s.provisioningStatusInfo().status().equals("failure")).toList(),
                list -> !list.isEmpty());
        // whichever of the two claimed the value first is created; the other is escrowed (and retried, in vain,
        // at the end of the cycle)
        assertThat(failed).extracting(summary -> summary.sourceIdentity().id()).containsOnly(
                failed.get(0).sourceIdentity().id()).first().isIn(one.anchor(), other.anchor());
        ProvisioningObjectSummary.ErrorInfo error = failed.get(0).provisioningStatusInfo().errorInformation();
        assertThat(error.errorCode()).isEqualTo("DuplicateSourceEntries");
        // in one poll of the batch, the second finds the value claimed ("matching value userName = …"); when the
        // broker hands them over in two polls, it finds the first one's target object linked: the same refusal
        assertThat(error.reason()).contains(one.anchor(), other.anchor());
    }

    @Test
    void aSecondSourceObjectWithTheSameUserNameIsEscrowedNotExportedOverTheFirst() throws Exception {
        DirectoryData data = new DirectoryDataGenerator().generate(2, 0);
        GeneratedUser first = data.users().get(0);
        TargetJob job = ready(null, Map.of());
        ObjectChange.ObjectChanged original = job.object("User", first.toEntry(), false);
        finished(job, job.cycle(Set.of(), List.of(original)));
        String targetId = userNamed(first.mail()).path("id").asText();
        scim.journal().clear();

        com.unboundid.ldap.sdk.Entry twin = data.users().get(1).toEntry();
        twin.setAttribute("mail", first.mail());
        ObjectChange.ObjectChanged duplicate = job.object("User", twin, false);
        String cycleId = job.cycle(Set.of(), List.of(duplicate));
        JobEvent.CycleFinished cycle = finished(job, cycleId);

        assertThat(cycle.result()).isEqualTo(JobEvent.CycleResult.EntryLevelErrors);
        assertThat(cycle.counts().get("countEscrowedRaw")).as("retried later").isEqualTo(1);
        assertThat(scim.users().size()).isEqualTo(1);
        assertThat(scim.journal().matching(null, null)).as("the first one's object is untouched")
                .allSatisfy(request -> assertThat(request.method()).isEqualTo("GET"));
        assertThat(userNamed(first.mail()).at("/name/familyName").asText()).isEqualTo(first.surname());
        ProvisioningObjectSummary refused = Awaitility.await().atMost(TIMEOUT).until(() -> logsOf(job, cycleId)
                .stream().filter(s -> s.sourceIdentity().id().equals(duplicate.anchor())).findFirst(),
                Optional::isPresent).orElseThrow();
        ProvisioningObjectSummary.ErrorInfo error = refused.provisioningStatusInfo().errorInformation();
        assertThat(refused.provisioningStatusInfo().status()).isEqualTo("failure");
        assertThat(error.errorCode()).isEqualTo("DuplicateSourceEntries");
        assertThat(error.reason()).contains(original.anchor(), duplicate.anchor(), targetId);
        assertThat(error.additionalDetails())
                .matches("This operation was retried \\d+ times\\. It will be retried again after this date: "
                        + "\\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z\\.");
    }

    private List<String> memberIds(GeneratedGroup group) {
        List<String> ids = new ArrayList<>();
        scim.groups().find("displayName eq \"" + group.cn() + "\"").get(0).path("members")
                .forEach(member -> ids.add(member.path("value").asText()));
        return ids;
    }

    private List<String> expectedMemberIds(DirectoryData data, GeneratedGroup group) {
        return group.memberUids().stream().map(uid -> userNamed(data.users().stream()
                .filter(u -> u.uid().equals(uid)).findFirst().orElseThrow().mail()).path("id").asText()).toList();
    }
}

package org.opensync.provisioner;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.ldap.sdk.Entry;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opensync.common.events.EventCodec;
import org.opensync.common.events.JobEvent;
import org.opensync.common.logs.ProvisioningLogRecorded;
import org.opensync.common.logs.ProvisioningObjectSummary;
import org.opensync.sandbox.ldap.DirectoryData;
import org.opensync.sandbox.ldap.DirectoryDataGenerator;
import org.opensync.sandbox.ldap.GeneratedUser;
import org.opensync.sandbox.scim.FaultRule;
import org.opensync.testing.TopicProbe;

/**
 * Targets that behave like SCIM servers in the field rather than like the forgiving sandbox: deletions that must win
 * over retries, refused attributes, objects deleted behind our back, answers that never change.
 */
@QuarkusTest
class ScimTargetsInTheWildTest extends ProvisionerTestBase {
    private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    private static final String MANAGER = ENTERPRISE + ":manager";
    private final DirectoryDataGenerator generator = new DirectoryDataGenerator();

    @Test
    void aUserDeletedInTheSourceIsNeverBroughtBackByAnEscrowedChange() throws Exception {
        DirectoryData data = generator.generate(4, 0);
        TargetJob job = ready(null, Map.of());
        finished(job, job.cycle(Set.of(), initialImages(job, data)));
        GeneratedUser leaver = data.users().get(2);
        GeneratedUser newcomer = generator.user(40);
        String leaverId = userNamed(leaver.mail()).path("id").asText();

        scim.faults().add(FaultRule.respond(503).onMethod("PATCH").onPath("/Users/" + leaverId));
        scim.faults().add(FaultRule.respond(503).onMethod("POST").onPath("/Users"));
        Entry leaving = leaver.toEntry();
        leaving.setAttribute("title", "Leaving soon");
        String escrowing = job.cycle(Set.of(), List.of(job.object("User", leaving, false),
                job.object("User", newcomer.toEntry(), false)));
        assertThat(finished(job, escrowing).counts().get("countEscrowedRaw")).isEqualTo(2);
        ProvisioningObjectSummary failedUpdate = logOf(job, escrowing, leaver.dn());
        assertThat(failedUpdate.provisioningAction()).isEqualTo("update");
        assertThat(failedUpdate.targetIdentity().id()).isEqualTo(leaverId);
        assertThat(failedUpdate.provisioningStatusInfo().errorInformation().reason())
                .containsOnlyOnce("This operation was retried").contains("It will be retried again after this date");
        assertThat(failedUpdate.provisioningStatusInfo().errorInformation().recommendedAction())
                .startsWith("No action needed").doesNotContain("Fix the value");
        assertThat(logOf(job, escrowing, newcomer.dn()).provisioningAction()).isEqualTo("create");

        scim.faults().clear();
        scim.faults().add(FaultRule.respond(503).onMethod("PATCH").onPath("/Users/" + leaverId));
        String deleting = job.cycle(Set.of(), List.of(job.deletion("User", leaver.dn()),
                job.deletion("User", newcomer.dn())));
        JobEvent.CycleFinished deleted = finished(job, deleting);
        assertThat(deleted.counts().get("countEscrowedRaw")).isZero();
        assertThat(logOf(job, deleting, null, "delete").targetIdentity().id()).isEqualTo(leaverId);
        ProvisioningObjectSummary neverCreated = logsOf(job, deleting).stream()
                .filter(s -> "skipped".equals(s.provisioningStatusInfo().status()))
                .findFirst().orElseThrow();
        assertThat(neverCreated.provisioningStatusInfo().errorInformation().reason())
                .as("a skip says why").contains("deleted in the source and not provisioned");
        assertThat(scim.users().get(leaverId)).isEmpty();

        scim.faults().clear();
        for (int cycle = 0; cycle < 2; cycle++) {
            assertThat(finished(job, job.cycle(Set.of(), List.of())).counts().get("countEscrowedRaw")).isZero();
        }
        assertThat(scim.users().find("userName eq \"" + leaver.mail() + "\"")).as("the leaver").isEmpty();
        assertThat(scim.users().find("userName eq \"" + newcomer.mail() + "\"")).as("the never-created").isEmpty();
        assertThat(scim.users().size()).isEqualTo(3);
    }

    @Test
    void aRefusedManagerDoesNotHoldBackTheUsersOtherChangesAndTheComplexFormDeliversIt() throws Exception {
        scim.quirks().managerOnlyComplex(true);
        DirectoryData data = generator.generate(3, 0);
        TargetJob job = ready(null, Map.of());
        finished(job, job.cycle(Set.of(), data.users().stream().map(user -> {
            Entry entry = user.toEntry();
            entry.removeAttribute("manager");
            return job.object("User", entry, false);
        }).toList()));
        GeneratedUser report = data.users().get(1);
        String managerId = userNamed(data.users().get(0).mail()).path("id").asText();
        Entry changed = report.toEntry();
        changed.setAttribute("title", "Team Lead");
        changed.setAttribute("mail", "team.lead@example.org");

        String refusing = job.cycle(Set.of(), List.of(job.object("User", changed, false)));
        JobEvent.CycleFinished cycle = finished(job, refusing);

        ObjectNode user = userNamed("team.lead@example.org");
        assertThat(user.path("title").asText()).isEqualTo("Team Lead");
        assertThat(user.path("emails").get(0).path("value").asText()).isEqualTo("team.lead@example.org");
        assertThat(user.path(ENTERPRISE).has("manager")).isFalse();
        assertThat(cycle.result()).isEqualTo(JobEvent.CycleResult.EntryLevelErrors);
        assertThat(cycle.counts().get("countEscrowedRaw")).as("a refusal is not retried").isZero();
        ProvisioningObjectSummary log = logOf(job, refusing, report.dn());
        assertThat(log.provisioningAction()).isEqualTo("update");
        assertThat(log.provisioningStatusInfo().status()).isEqualTo("failure");
        assertThat(log.targetIdentity().id()).isEqualTo(user.path("id").asText());
        assertThat(log.targetIdentity().details()).containsEntry("FailedAttribute", MANAGER);
        assertThat(log.modifiedProperties()).extracting(ProvisioningObjectSummary.ModifiedProperty::displayName)
                .contains("title", "userName").doesNotContain(MANAGER);
        assertThat(log.provisioningStatusInfo().errorInformation().recommendedAction())
                .contains("opensyncManager=complex");

        job.publishSecrets(scim, TOKEN, Map.of("BaseAddress", scim.baseUrl() + "?opensyncManager=complex"));
        Awaitility.await().atMost(TIMEOUT).until(() -> secrets.secretsOf(job.servicePrincipalId)
                .map(values -> values.get("BaseAddress").contains("opensyncManager")).orElse(false));
        finished(job, job.cycle(Set.of(), List.of(job.object("User", changed, false))));
        assertThat(userNamed("team.lead@example.org").at("/" + ENTERPRISE.replace("/", "~1") + "/manager/value")
                .asText()).isEqualTo(managerId);
    }

    @ParameterizedTest(name = "unknown ids answered with {0}")
    @ValueSource(ints = {404, 400})
    void aUserDeletedInTheTargetIsCreatedAgainWhenItChanges(int unknownIdStatus) throws Exception {
        scim.quirks().badRequestForUnknownId(unknownIdStatus == 400);
        DirectoryData data = generator.generate(2, 0);
        TargetJob job = ready(null, Map.of());
        finished(job, job.cycle(Set.of(), initialImages(job, data)));
        GeneratedUser user = data.users().get(1);
        String oldId = userNamed(user.mail()).path("id").asText();
        scim.users().delete(oldId);

        Entry changed = user.toEntry();
        changed.setAttribute("title", "Back Again");
        String repairing = job.cycle(Set.of(), List.of(job.object("User", changed, false)));
        JobEvent.CycleFinished cycle = finished(job, repairing);

        ObjectNode recreated = userNamed(user.mail());
        assertThat(recreated.path("id").asText()).isNotEqualTo(oldId);
        assertThat(recreated.path("title").asText()).isEqualTo("Back Again");
        assertThat(cycle.result()).isEqualTo(JobEvent.CycleResult.Succeeded);
        ProvisioningObjectSummary log = logOf(job, repairing, user.dn());
        assertThat(log.provisioningAction()).isEqualTo("create");
        assertThat(log.targetIdentity().id()).isEqualTo(recreated.path("id").asText());
        assertThat(log.provisioningSteps()).extracting(ProvisioningObjectSummary.Step::description)
                .anyMatch(step -> step.contains(oldId) && step.contains("link was dropped"));
    }

    @Test
    void aDeletedUserIsRemovedFromTheGroupsAndTheReportsThatReferToIt() throws Exception {
        DirectoryData data = generator.generate(4, 1);
        TargetJob job = ready(null, Map.of());
        finished(job, job.cycle(Set.of(), initialImages(job, data)));
        GeneratedUser leaver = data.users().get(0);
        String leaverId = userNamed(leaver.mail()).path("id").asText();
        String reportName = data.users().get(1).mail();
        assertThat(userNamed(reportName).path(ENTERPRISE).path("manager").path("value").asText()).isEqualTo(leaverId);
        assertThat(memberIds(scim.groups().all().get(0))).contains(leaverId);

        String deleting = job.cycle(Set.of(), List.of(job.deletion("User", leaver.dn())));
        assertThat(finished(job, deleting).result()).isEqualTo(JobEvent.CycleResult.Succeeded);

        assertThat(scim.users().get(leaverId)).isEmpty();
        ObjectNode group = scim.groups().all().get(0);
        assertThat(memberIds(group)).hasSize(3).doesNotContain(leaverId);
        assertThat(userNamed(reportName).path(ENTERPRISE).has("manager")).isFalse();
        assertThat(logOf(job, deleting, data.groups().get(0).dn()).provisioningAction()).isEqualTo("update");
    }

    @Test
    void aTargetThatFailsTheSameWayTwiceIsNotRetriedAgain() throws Exception {
        scim.quirks().rejectAttributeWith500("title");
        DirectoryData data = generator.generate(1, 0);
        TargetJob job = ready(null, Map.of());
        String creating = job.cycle(Set.of(), initialImages(job, data));
        JobEvent.CycleFinished first = finished(job, creating);
        for (int cycle = 0; cycle < 2; cycle++) {
            finished(job, job.cycle(Set.of(), List.of()));
        }

        assertThat(scim.journal().matching("POST", ".*/Users")).as("first attempt and one retry").hasSize(2);
        assertThat(first.counts().get("countEscrowedRaw")).isZero();
        ProvisioningObjectSummary retry = logs.await(TopicProbe.keyed(job.jobId), 2, TIMEOUT).stream()
                .map(r -> EventCodec.decode(r.value(), ProvisioningLogRecorded.class).summary())
                .filter(s -> s.provisioningStatusInfo().errorInformation() != null
                        && s.provisioningStatusInfo().errorInformation().reason().contains("same answer"))
                .findFirst().orElseThrow();
        assertThat(retry.provisioningAction()).isEqualTo("create");
        assertThat(retry.provisioningStatusInfo().errorInformation().errorCode()).isEqualTo("InternalServerError");
        assertThat(retry.provisioningStatusInfo().errorInformation().recommendedAction()).contains("vendor");
    }

    private ProvisioningObjectSummary logOf(TargetJob job, String cycleId, String dn) {
        return logOf(job, cycleId, dn, null);
    }

    /** The first log record of the cycle for the object with this DN (any when null) and action (any when null). */
    private ProvisioningObjectSummary logOf(TargetJob job, String cycleId, String dn, String action) {
        return Awaitility.await().atMost(TIMEOUT).until(() -> logsOf(job, cycleId).stream()
                .filter(s -> dn == null || dn.equalsIgnoreCase(s.sourceIdentity().details().get("DistinguishedName")))
                .filter(s -> action == null || action.equals(s.provisioningAction()))
                .findFirst(), Optional::isPresent).orElseThrow();
    }

    private static List<String> memberIds(ObjectNode group) {
        return StreamSupport.stream(group.path("members").spliterator(), false)
                .map(member -> member.path("value").asText()).toList();
    }
}

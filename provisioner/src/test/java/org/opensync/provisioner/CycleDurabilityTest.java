package org.opensync.provisioner;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.sdk.Entry;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.opensync.common.events.JobEvent;
import org.opensync.common.events.ObjectChange;
import org.opensync.common.events.RestartScope;
import org.opensync.common.events.Tick;
import org.opensync.common.events.Topics;
import org.opensync.provisioner.cds.ConnectorDataStore;
import org.opensync.provisioner.cds.Deferred;
import org.opensync.provisioner.cds.DeferredWork;
import org.opensync.provisioner.cds.RunningCycles;
import org.opensync.provisioner.cycle.CycleProcessor;
import org.opensync.provisioner.cycle.JobSlice;
import org.opensync.provisioner.cycle.JobTurns;
import org.opensync.provisioner.cycle.JobWorkers;
import org.opensync.provisioner.cycle.ProvisioningMetrics;
import org.opensync.provisioner.cycle.Publisher;
import org.opensync.provisioner.engine.Deprovisioner;
import org.opensync.provisioner.engine.JobContexts;
import org.opensync.provisioner.engine.MatchingClaims;
import org.opensync.provisioner.engine.ObjectProvisioner;
import org.opensync.provisioner.engine.ReferenceExport;
import org.opensync.sandbox.ldap.DirectoryData;
import org.opensync.sandbox.ldap.DirectoryDataGenerator;
import org.opensync.sandbox.ldap.GeneratedUser;
import org.opensync.testing.EventPublisher;

/**
 * What a cycle must not forget when the provisioner working it goes away: its reset flags and kind survive in the
 * database, and full cycles repair what earlier cycles lost.
 */
@QuarkusTest
class CycleDurabilityTest extends ProvisionerTestBase {
    private final DirectoryDataGenerator generator = new DirectoryDataGenerator();

    @Inject
    JobContexts contexts;
    @Inject
    ObjectProvisioner provisioner;
    @Inject
    Deprovisioner deprovisioner;
    @Inject
    ReferenceExport references;
    @Inject
    ConnectorDataStore links;
    @Inject
    DeferredWork deferred;
    @Inject
    RunningCycles runningCycles;
    @Inject
    Publisher publisher;
    @Inject
    JobWorkers workers;
    @Inject
    JobTurns turns;
    @Inject
    MatchingClaims claims;
    @Inject
    AgroalDataSource dataSource;
    @Inject
    ProvisionerConfig config;
    @ConfigProperty(name = "sync.tenant-id")
    String tenantId;
    @Inject
    ProvisioningMetrics metrics;

    @Test
    void anotherInstanceFinishingTheCycleKeepsItsForceDeletes() throws Exception {
        DirectoryData data = generator.generate(5, 0);
        TargetJob job = ready(null, Map.of("SyncNotificationSettings",
                "{\"DeleteThresholdEnabled\":true,\"DeleteThresholdValue\":3}"));
        finished(job, job.cycle(Set.of(), initialImages(job, data)));

        List<ObjectChange.ObjectChanged> deletions = data.users().subList(0, 4).stream()
                .map(user -> job.deletion("User", user.dn())).toList();
        String cycleId = job.begin(Tick.CycleKind.Incremental, EnumSet.of(RestartScope.ForceDeletes), deletions);
        Awaitility.await().atMost(TIMEOUT).until(() -> deferred.count(job.jobId, Deferred.DEPROVISION) == 4);

        JobSlice slice = new JobSlice(job.jobId, EventPublisher.partitionOf(Topics.OBJECT_CHANGES, job.jobId));
        turns.take(slice);
        CycleProcessor takeover = new CycleProcessor(contexts, provisioner, deprovisioner, references, links, deferred,
                runningCycles, publisher, workers, turns, claims, config, tenantId, metrics);
        try {
            takeover.process(slice, List.of(job.readCompleted(cycleId, Tick.CycleKind.Incremental, 4)));
            publisher.flush();
        } finally {
            turns.give(slice);
        }

        JobEvent.CycleFinished result = finished(job, cycleId);
        assertThat(result.result()).isEqualTo(JobEvent.CycleResult.Succeeded);
        assertThat(scim.users().size()).isEqualTo(1);
    }

    @Test
    void aJobLeasedByAnotherInstanceIsNotWorkedUntilItsLeaseEnds() throws Exception {
        TargetJob job = ready(null, Map.of());
        Instant expires;
        try (Connection connection = dataSource.getConnection();
             PreparedStatement lease = connection.prepareStatement("""
                     insert into job_lease (job_id, owner, expires_at)
                     values (?, 'another-instance', now() + interval '3 seconds') returning expires_at""")) {
            lease.setString(1, new JobSlice(job.jobId, EventPublisher.partitionOf(Topics.OBJECT_CHANGES, job.jobId))
                    .lease());
            try (ResultSet row = lease.executeQuery()) {
                row.next();
                expires = row.getTimestamp(1).toInstant();
            }
        }

        finished(job, job.cycle(Set.of(), initialImages(job, generator.generate(2, 0))));

        assertThat(scim.users().size()).isEqualTo(2);
        assertThat(scim.journal().entries()).isNotEmpty()
                .allSatisfy(request -> assertThat(request.time()).isAfterOrEqualTo(expires));
    }

    @Test
    void aFullCycleDeletesWhatTheSourceNoLongerHasEvenIfTheDeletionWasLost() throws Exception {
        DirectoryData data = generator.generate(4, 0);
        TargetJob job = ready(null, Map.of());
        finished(job, job.cycle(Set.of(), initialImages(job, data)));
        GeneratedUser leaver = data.users().get(3);
        String leaverId = userNamed(leaver.mail()).path("id").asText();
        scim.users().patch(userNamed(data.users().get(0).mail()).path("id").asText(), JSON.readTree(
                "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                        + "\"Operations\":[{\"op\":\"replace\",\"path\":\"title\",\"value\":\"Changed in the app\"}]}"));

        List<ObjectChange.ObjectChanged> stillThere = new ArrayList<>();
        data.users().subList(0, 3).forEach(user -> stillThere.add(job.object("User", user.toEntry(), false)));
        JobEvent.CycleFinished full = finished(job, job.cycle(Tick.CycleKind.Initial, Set.of(), stillThere));

        assertThat(full.result()).isEqualTo(JobEvent.CycleResult.Succeeded);
        assertThat(scim.users().get(leaverId)).as("deleted: the full read did not find it").isEmpty();
        assertThat(scim.users().size()).isEqualTo(3);
        assertThat(userNamed(data.users().get(0).mail()).path("title").asText()).as("drift repaired")
                .isEqualTo(data.users().get(0).title());
    }

    @Test
    void aFullRestartMatchesAgainAndStillDeletesWhatTheSourceNoLongerHas() throws Exception {
        DirectoryData data = generator.generate(4, 0);
        TargetJob job = ready(null, Map.of());
        finished(job, job.cycle(Set.of(), initialImages(job, data)));
        String leaverId = userNamed(data.users().get(3).mail()).path("id").asText();
        scim.journal().clear();

        List<ObjectChange.ObjectChanged> stillThere = new ArrayList<>();
        data.users().subList(0, 3).forEach(user -> {
            Entry entry = user.toEntry();
            stillThere.add(job.object("User", entry, false));
        });
        JobEvent.CycleFinished full = finished(job, job.cycle(Tick.CycleKind.Initial, EnumSet.of(RestartScope.Full),
                stillThere));

        assertThat(full.result()).isEqualTo(JobEvent.CycleResult.Succeeded);
        assertThat(scim.journal().matching("POST", ".*/Users")).as("matched, not created again").isEmpty();
        assertThat(scim.users().get(leaverId)).isEmpty();
        assertThat(scim.users().size()).isEqualTo(3);
    }
}

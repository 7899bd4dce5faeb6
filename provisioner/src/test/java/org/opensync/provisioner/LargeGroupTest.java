package org.opensync.provisioner;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.opensync.common.events.JobEvent;
import org.opensync.common.events.ObjectChange;
import org.opensync.common.events.ObjectChangeParts;
import org.opensync.common.events.Tick;
import org.opensync.common.events.Topics;
import org.opensync.common.kafka.DeadLetters;
import org.opensync.provisioner.cds.ObjectChangeAssembly;
import org.opensync.testing.TopicProbe;
import org.opensync.sandbox.ldap.DirectoryData;
import org.opensync.sandbox.ldap.DirectoryDataGenerator;

/**
 * A group too large for one record arrives in parts, possibly across batches (whose offsets are committed between
 * them): the provisioner keeps the parts and exports the whole group, every member, once the last part is there.
 */
@QuarkusTest
class LargeGroupTest extends ProvisionerTestBase {
    private static final int MEMBERS = 600;
    private static final int PART_BYTES = 8 * 1024;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aGroupSentInPartsReachesTheTargetWithEveryMember() throws Exception {
        DirectoryData data = new DirectoryDataGenerator().generate(MEMBERS, 1);
        TargetJob job = ready(null, Map.of());
        List<ObjectChange.ObjectChanged> users = initialImages(job, data).stream()
                .filter(image -> image.objectType().equals("User")).toList();
        assertThat(finished(job, job.cycle(Set.of(), users)).result()).isEqualTo(JobEvent.CycleResult.Succeeded);

        String cycleId = job.begin(Tick.CycleKind.Incremental, Set.of(), List.of());
        ObjectChange.ObjectChanged group = job.inCycle(cycleId, job.object("Group", data.groups().get(0).toEntry(),
                false));
        List<ObjectChange.ObjectChanged> parts = ObjectChangeParts.split(group, PART_BYTES);
        assertThat(parts).hasSizeGreaterThan(2);

        job.publish(parts.get(0));
        // the first part was worked (stored) before the others exist: they come in later batches
        Awaitility.await().atMost(TIMEOUT).until(() -> storedParts(job.jobId) == 1);
        assertThat(scim.groups().size()).as("no group before its last part").isZero();
        parts.subList(1, parts.size()).forEach(job::publish);
        job.publish(job.readCompleted(cycleId, Tick.CycleKind.Incremental, 1));

        JobEvent.CycleFinished finished = finished(job, cycleId);
        assertThat(finished.result()).isEqualTo(JobEvent.CycleResult.Succeeded);
        assertThat(scim.groups().size()).isEqualTo(1);
        JsonNode created = scim.groups().all().get(0);
        Set<String> memberIds = new HashSet<>();
        created.path("members").forEach(member -> memberIds.add(member.path("value").asText()));
        assertThat(memberIds).hasSize(MEMBERS);
        assertThat(storedParts(job.jobId)).as("parts forgotten once the group was exported").isZero();
    }

    @Test
    void partsThatCannotBePutTogetherAreDeadLetteredWithTheReasonAndTheJobGoesOn() throws Exception {
        DirectoryData data = new DirectoryDataGenerator().generate(MEMBERS, 1);
        TargetJob job = ready(null, Map.of());
        String cycleId = job.begin(Tick.CycleKind.Incremental, Set.of(), List.of());
        ObjectChange.ObjectChanged group = job.inCycle(cycleId, job.object("Group", data.groups().get(0).toEntry(),
                false));
        List<ObjectChange.ObjectChanged> parts = ObjectChangeParts.split(group, PART_BYTES);
        assertThat(parts).hasSizeGreaterThan(2);
        ObjectChange.ObjectChanged user = job.inCycle(cycleId, job.object("User", data.users().get(0).toEntry(),
                false));
        try (TopicProbe deadLetters = TopicProbe.fromNow(Topics.DEAD_LETTER)) {
            job.publish(parts.get(0));
            job.publish(parts.get(parts.size() - 1));
            job.publish(user);
            job.publish(job.readCompleted(cycleId, Tick.CycleKind.Incremental, 2));

            List<ConsumerRecord<String, String>> dead = deadLetters.await(TopicProbe.keyed(job.jobId), 2, TIMEOUT);
            assertThat(dead).allSatisfy(letter -> {
                assertThat(TopicProbe.header(letter, DeadLetters.TOPIC)).isEqualTo(Topics.OBJECT_CHANGES);
                assertThat(TopicProbe.header(letter, DeadLetters.CONSUMER)).isEqualTo(ObjectChangeAssembly.CONSUMER);
                assertThat(TopicProbe.header(letter, DeadLetters.REASON)).contains(group.anchor())
                        .contains("cannot be assembled");
            });
            assertThat(finished(job, cycleId).result()).isEqualTo(JobEvent.CycleResult.Succeeded);
            assertThat(scim.users().size()).as("the job went on with the next object").isEqualTo(1);
            assertThat(scim.groups().size()).isZero();
            assertThat(storedParts(job.jobId)).as("the parts set aside are not kept").isZero();
        }
    }

    private int storedParts(String jobId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement count = connection.prepareStatement(
                     "select count(*) from object_change_part where job_id = ?")) {
            count.setString(1, jobId);
            try (ResultSet row = count.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }
}

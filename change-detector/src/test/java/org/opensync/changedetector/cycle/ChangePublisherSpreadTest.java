package org.opensync.changedetector.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;
import org.opensync.common.events.EventCodec;
import org.opensync.common.events.ObjectChange;
import org.opensync.common.events.RestartScope;
import org.opensync.common.events.Tick;
import org.opensync.common.events.Topics;
import org.opensync.testing.EventPublisher;
import org.opensync.testing.InfraEndpoints;
import org.opensync.testing.TopicProbe;

/** A cycle of a job whose changes are spread, as it reaches sync.object-changes on a real broker. */
class ChangePublisherSpreadTest {
    private static final int OBJECTS = 30;

    @Test
    void eachObjectGoesToItsKeysPartitionAndEachPartitionHasBothMarkersAroundItsShare() {
        String jobId = "spread." + UUID.randomUUID();
        String cycleId = UUID.randomUUID().toString();
        int partitions = EventPublisher.partitions(Topics.OBJECT_CHANGES);
        ChangePublisher publisher = new ChangePublisher(Map.of("bootstrap.servers", InfraEndpoints.kafkaBootstrap()),
                "spread-test", true);
        try (TopicProbe probe = TopicProbe.fromNow(Topics.OBJECT_CHANGES)) {
            ChangePublisher.Batch batch = publisher.batch();
            batch.objectChange(new ObjectChange.CycleBegan(UUID.randomUUID().toString(), Instant.now(), jobId, cycleId,
                    Tick.CycleKind.Initial, EnumSet.noneOf(RestartScope.class)));
            for (int i = 0; i < OBJECTS; i++) {
                batch.objectChange(new ObjectChange.ObjectChanged(UUID.randomUUID().toString(), Instant.now(), jobId,
                        cycleId, "User", "anchor-" + i, "uid=user" + i, false, Map.of("uid", List.of("user" + i))));
            }
            batch.awaitAcknowledgements();
            batch.objectChange(new ObjectChange.CycleReadCompleted(UUID.randomUUID().toString(), Instant.now(), jobId,
                    cycleId, Tick.CycleKind.Initial, Instant.now(), OBJECTS, OBJECTS));
            batch.awaitAcknowledgements();

            List<ConsumerRecord<String, String>> records = probe.await(record -> record.key().startsWith(jobId),
                    OBJECTS + 2 * partitions, Duration.ofSeconds(30));
            Set<Integer> objectPartitions = new HashSet<>();
            for (int partition = 0; partition < partitions; partition++) {
                int current = partition;
                List<ObjectChange> share = new ArrayList<>();
                records.stream().filter(record -> record.partition() == current).sorted(
                        Comparator.comparingLong(ConsumerRecord::offset))
                        .forEach(record -> share.add(EventCodec.decode(record.value(), ObjectChange.class)));
                assertThat(share.get(0)).isInstanceOfSatisfying(ObjectChange.CycleBegan.class,
                        began -> assertThat(began.slices()).isEqualTo(partitions));
                assertThat(share.get(share.size() - 1)).isInstanceOfSatisfying(ObjectChange.CycleReadCompleted.class,
                        completed -> assertThat(completed.slices()).isEqualTo(partitions));
                List<ObjectChange> objects = share.subList(1, share.size() - 1);
                assertThat(objects).allSatisfy(object -> assertThat(object)
                        .isInstanceOfSatisfying(ObjectChange.ObjectChanged.class, changed -> assertThat(partitionOf(
                                changed.key(), partitions)).isEqualTo(current)));
                if (!objects.isEmpty()) {
                    objectPartitions.add(current);
                }
            }
            assertThat(records).hasSize(OBJECTS + 2 * partitions);
            assertThat(objectPartitions).as("spread over several partitions").hasSizeGreaterThan(1);
        } finally {
            publisher.close(null);
        }
    }

    private static int partitionOf(String key, int partitions) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
    }
}

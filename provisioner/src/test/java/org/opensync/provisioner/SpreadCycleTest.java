package org.opensync.provisioner;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.opensync.common.events.JobEvent;
import org.opensync.common.events.ObjectChange;
import org.opensync.common.events.Tick;
import org.opensync.sandbox.ldap.DirectoryData;
import org.opensync.sandbox.ldap.DirectoryDataGenerator;

/**
 * A job's cycle spread over every partition of sync.object-changes, as change-detector publishes it when jobs'
 * changes are spread: the slices are worked at the same time, and the cycle ends once, when the last slice completed
 * its read.
 */
@QuarkusTest
class SpreadCycleTest extends ProvisionerTestBase {
    private final DirectoryDataGenerator generator = new DirectoryDataGenerator();

    @Test
    void aSpreadCycleEndsOnceAndExportsEachObjectOnce() throws Exception {
        DirectoryData data = generator.generate(24, 2);
        TargetJob job = ready(null, Map.of());
        List<ObjectChange.ObjectChanged> images = initialImages(job, data);

        String cycleId = spreadCycle(job, images);
        JobEvent.CycleFinished finished = finished(job, cycleId);
        String next = spreadCycle(job, images);
        finished(job, next);

        assertThat(finished.result()).isEqualTo(JobEvent.CycleResult.Succeeded);
        assertThat(finishedRecords(job, cycleId)).as("the cycle ended once").isEqualTo(1);
        assertThat(scim.journal().matching("POST", ".*/Users")).as("each user created once").hasSize(24);
        assertThat(scim.journal().matching("POST", ".*/Groups")).hasSize(2);
        assertThat(scim.users().size()).isEqualTo(24);
    }

    /**
     * A slice that completed a full cycle's read goes ahead into the next full cycle while the other slices still
     * work the first: the objects it read again are not gone from the source, only the one neither cycle read is.
     */
    @Test
    void aFullCycleEndingAfterOneSliceWentAheadDeletesOnlyWhatNoCycleRead() throws Exception {
        DirectoryData data = generator.generate(12, 0);
        TargetJob job = ready(null, Map.of());
        List<ObjectChange.ObjectChanged> images = initialImages(job, data);
        finished(job, spreadCycle(job, images));
        String leaverId = userNamed(data.users().get(11).mail()).path("id").asText();
        List<ObjectChange.ObjectChanged> stillThere = images.subList(0, 11);
        int ahead = TargetJob.partitionOf(stillThere.get(0));
        Set<Integer> behind = new HashSet<>(all());
        behind.remove(ahead);

        String first = UUID.randomUUID().toString();
        job.beginSpread(first, Tick.CycleKind.Initial, Instant.now(), all());
        job.publishSpread(first, stillThere, all());
        job.completeSpread(first, Tick.CycleKind.Initial, stillThere.size(), Set.of(ahead));
        String second = UUID.randomUUID().toString();
        Instant secondBegan = Instant.now().plusMillis(1);
        job.beginSpread(second, Tick.CycleKind.Initial, secondBegan, Set.of(ahead));
        job.publishSpread(second, stillThere, Set.of(ahead));
        jobEvents.awaitOne(r -> r.key().equals(job.jobId) && r.value().contains("CycleProgressed")
                && r.value().contains(second), TIMEOUT);
        job.completeSpread(first, Tick.CycleKind.Initial, stillThere.size(), behind);
        JobEvent.CycleFinished firstFinished = finished(job, first);
        job.beginSpread(second, Tick.CycleKind.Initial, secondBegan, behind);
        job.publishSpread(second, stillThere, behind);
        job.completeSpread(second, Tick.CycleKind.Initial, stillThere.size(), all());
        finished(job, second);

        assertThat(firstFinished.result()).isEqualTo(JobEvent.CycleResult.Succeeded);
        assertThat(scim.users().get(leaverId)).as("deleted: neither full read found it").isEmpty();
        assertThat(scim.users().size()).as("the others stay").isEqualTo(11);
        assertThat(finishedRecords(job, first)).isEqualTo(1);
        assertThat(finishedRecords(job, second)).isEqualTo(1);
    }

    private static String spreadCycle(TargetJob job, List<ObjectChange.ObjectChanged> images) {
        String cycleId = UUID.randomUUID().toString();
        job.beginSpread(cycleId, Tick.CycleKind.Initial, Instant.now(), all());
        job.publishSpread(cycleId, images, all());
        job.completeSpread(cycleId, Tick.CycleKind.Initial, images.size(), all());
        return cycleId;
    }

    private long finishedRecords(TargetJob job, String cycleId) {
        return jobEvents.records(r -> r.key().equals(job.jobId) && r.value().contains("CycleFinished")
                && r.value().contains(cycleId)).size();
    }

    private static Set<Integer> all() {
        return IntStream.range(0, TargetJob.partitions()).boxed().collect(Collectors.toSet());
    }
}

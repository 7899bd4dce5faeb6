package org.opensync.jobapi.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opensync.jobapi.graph.SynchronizationError;
import org.opensync.jobapi.graph.SynchronizationProgress;
import org.opensync.jobapi.graph.SynchronizationTaskExecution;

/** How finished cycles fold into a job's status, without the service around it. */
class CycleStatusFoldTest {
    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void aCycleWithEntryLevelErrorsThatExportedIsTheLastExecutionWithExports() {
        SynchronizationJob job = started();
        SynchronizationTaskExecution partial = execution("EntryLevelErrors", T0, 2209);

        assertThat(job.recordCycle(partial, List.of(), false)).isTrue();

        assertThat(job.lastExecution).isEqualTo(partial);
        assertThat(job.lastSuccessfulExecutionWithExports).isEqualTo(partial);
        assertThat(job.lastSuccessfulExecution).as("not spotless").isNull();
        assertThat(job.countSuccessiveCompleteFailures).isZero();
    }

    @Test
    void aCycleThatExportedNothingLeavesTheLastExecutionWithExports() {
        SynchronizationJob job = started();
        SynchronizationTaskExecution exporting = execution("Succeeded", T0, 10);
        job.recordCycle(exporting, List.of(), false);

        job.recordCycle(execution("Succeeded", T0.plusSeconds(60), 0), List.of(), true);

        assertThat(job.lastSuccessfulExecutionWithExports).isEqualTo(exporting);
    }

    @Test
    void anOlderOrRepeatedResultNeverOverwritesANewerOne() {
        SynchronizationJob job = started();
        SynchronizationTaskExecution newer = execution("Succeeded", T0.plusSeconds(60), 5);
        job.recordCycle(newer, List.of(), false);

        assertThat(job.recordCycle(execution("Failed", T0, 0), List.of(), false)).isFalse();
        SynchronizationTaskExecution sameCycleAgain = new SynchronizationTaskExecution(newer.activityIdentifier(), 0,
                0, 1, 1, 0, 1, 0, 0, 0, new SynchronizationError("InternalError", "again", false), "Failed",
                newer.timeBegan(), newer.timeEnded().plusSeconds(5));
        assertThat(job.recordCycle(sameCycleAgain, List.of(), false)).isFalse();

        assertThat(job.lastExecution).isEqualTo(newer);
        assertThat(job.countSuccessiveCompleteFailures).isZero();
    }

    @Test
    void progressOfACycleAlreadyFinishedIsIgnored() {
        SynchronizationJob job = started();
        SynchronizationTaskExecution finished = execution("Succeeded", T0, 5);
        job.recordCycle(finished, List.of(), true);

        job.recordProgress(finished.activityIdentifier(), new SynchronizationProgress(90, T0.plusSeconds(4), 0,
                "objects"));
        assertThat(job.progress).as("a batch worked again after the end of its cycle").isEmpty();

        job.recordProgress("next-cycle", new SynchronizationProgress(10, T0.plusSeconds(60), 0, "objects"));
        assertThat(job.progress).extracting(SynchronizationProgress::completedUnits).containsExactly(10L);
    }

    @Test
    void aReportOfFewerObjectsDoneThanAlreadyRecordedInTheCycleIsStale() {
        SynchronizationJob job = started();
        job.recordProgress("cycle", new SynchronizationProgress(0, T0, 0, null));
        job.recordProgress("cycle", new SynchronizationProgress(11, T0.plusSeconds(2), 0, "objects"));
        job.recordProgress("cycle", new SynchronizationProgress(10, T0.plusSeconds(3), 0, "objects"));
        assertThat(job.progress).extracting(SynchronizationProgress::completedUnits).containsExactly(11L);

        job.recordCycle(execution("Succeeded", T0, 5), List.of(), true);
        job.recordProgress("next-cycle", new SynchronizationProgress(0, T0.plusSeconds(60), 0, null));
        job.recordProgress("next-cycle", new SynchronizationProgress(3, T0.plusSeconds(61), 0, "objects"));
        assertThat(job.progress).as("a new cycle counts from its start")
                .extracting(SynchronizationProgress::completedUnits).containsExactly(3L);
    }

    private static SynchronizationJob started() {
        SynchronizationJob job = SynchronizationJob.create("scim.x", UUID.randomUUID(), "scim", List.of());
        job.start(Duration.ofMinutes(1));
        return job;
    }

    private static SynchronizationTaskExecution execution(String state, Instant began, long exported) {
        return new SynchronizationTaskExecution(UUID.randomUUID().toString(), 0, 0, 0, 0, exported, exported, 0, 0,
                0, null, state, began, began.plusSeconds(30));
    }
}

package org.opensync.provisioner.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.opensync.common.events.RestartScope;
import org.opensync.common.events.Tick;
import org.opensync.provisioner.cds.RunningCycles;
import org.opensync.provisioner.engine.Outcome;
import org.opensync.provisioner.engine.WorkedBy;

class CycleStateTest {
    private final CycleState spread = new CycleState("cycle", Tick.CycleKind.Initial, Instant.now(),
            EnumSet.noneOf(RestartScope.class), 3);

    @Test
    void aDrainHandsOverWhatWasCountedSinceTheLastOneOnce() {
        spread.count(Outcome.importFailed("ServiceUnavailable", "the target is down", true), false);
        spread.count(Outcome.importFailed("InvalidReference", "no such member", false), true);

        assertThat(spread.drain()).containsEntry(CycleState.PROCESSED, 2L).containsEntry(CycleState.FAILURES, 2L)
                .containsEntry(CycleState.SYSTEMIC_FAILURES, 1L).containsEntry(CycleState.REFERENCE_FAILURES, 1L)
                .containsEntry(CycleState.EXPORTED, 0L);
        assertThat(spread.drain().values()).as("added to the totals already").containsOnly(0L);
        assertThat(spread.firstSystemicError().code()).as("kept for every addition").isEqualTo("ServiceUnavailable");
    }

    @Test
    void aCycleFailedCompletelyWhenTheTargetFailedAndNoSliceExportedAnything() {
        assertThat(CycleState.failedCompletely(totals(Map.of(CycleState.SYSTEMIC_FAILURES, 2L)))).isTrue();
        assertThat(CycleState.failedCompletely(totals(Map.of(CycleState.SYSTEMIC_FAILURES, 2L,
                CycleState.EXPORTED, 1L)))).isFalse();
        assertThat(CycleState.failedCompletely(totals(Map.of()))).isFalse();
    }

    @Test
    void onlyASpreadCycleSharesItsValuesWithOtherInstances() {
        assertThat(spread.workedBy()).isEqualTo(WorkedBy.SEVERAL_INSTANCES);
        assertThat(new CycleState("cycle", Tick.CycleKind.Incremental, Instant.now(),
                EnumSet.noneOf(RestartScope.class), 1).workedBy()).isEqualTo(WorkedBy.THIS_INSTANCE);
    }

    private static RunningCycles.RunningCycle totals(Map<String, Long> counts) {
        return new RunningCycles.RunningCycle("job", "cycle", Tick.CycleKind.Initial, Instant.now(), Set.of(), 3,
                counts, null);
    }
}

package org.opensync.provisioner.cycle;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.opensync.common.events.JobEvent;
import org.opensync.common.events.RestartScope;
import org.opensync.common.events.Tick;
import org.opensync.provisioner.cds.RunningCycles;
import org.opensync.provisioner.engine.ObjectProvisioner;
import org.opensync.provisioner.engine.Outcome;
import org.opensync.provisioner.engine.WorkedBy;

/**
 * One job's running cycle as this instance counts it: what it counted since it last added its counts to the stored
 * totals ({@link RunningCycles#add}), which every slice of the cycle adds to, so that a restart, a rebalance or
 * another instance working another slice goes on from the counts of the records already committed.
 */
final class CycleState {
    static final String PROCESSED = "processed";
    static final String EXPORTS = "exports";
    static final String EXPORTED = "exported";
    static final String ESCROWED = "escrowed";
    static final String FAILURES = "failures";
    static final String REFERENCE_FAILURES = "referenceFailures";
    static final String SYSTEMIC_FAILURES = "systemicFailures";

    final String cycleId;
    final Tick.CycleKind kind;
    final Instant began;
    final Set<RestartScope> resetScope;
    /** How many slices the cycle was spread over: as many must complete their read before it ends. */
    final int slices;
    /** Objects whose outcome was recorded, whatever it was: the cycle's progress. */
    private final AtomicLong processed = new AtomicLong();
    private final AtomicLong exports = new AtomicLong();
    private final AtomicLong exported = new AtomicLong();
    private final AtomicLong escrowed = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    /** Failures to set references (a manager, group members): the quarantine rules weigh them apart. */
    private final AtomicLong referenceFailures = new AtomicLong();
    private final AtomicLong systemicFailures = new AtomicLong();
    private final AtomicReference<JobEvent.CycleError> firstSystemicError = new AtomicReference<>();

    CycleState(String cycleId, Tick.CycleKind kind, Instant began, Set<RestartScope> resetScope, int slices) {
        this.cycleId = cycleId;
        this.kind = kind;
        this.began = began;
        this.resetScope = resetScope;
        this.slices = slices;
    }

    /** The stored cycle, with nothing counted by this instance yet. */
    static CycleState of(RunningCycles.RunningCycle stored) {
        return new CycleState(stored.cycleId(), stored.kind(), stored.began(), stored.resetScope(), stored.slices());
    }

    /** The cycle as it is recorded when it begins. */
    RunningCycles.RunningCycle beginning(String jobId) {
        return new RunningCycles.RunningCycle(jobId, cycleId, kind, began, resetScope, slices, Map.of(), null);
    }

    /** What was counted since the last call; counting goes on meanwhile (late exports), into the next call's. */
    Map<String, Long> drain() {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put(PROCESSED, processed.getAndSet(0));
        counts.put(EXPORTS, exports.getAndSet(0));
        counts.put(EXPORTED, exported.getAndSet(0));
        counts.put(ESCROWED, escrowed.getAndSet(0));
        counts.put(FAILURES, failures.getAndSet(0));
        counts.put(REFERENCE_FAILURES, referenceFailures.getAndSet(0));
        counts.put(SYSTEMIC_FAILURES, systemicFailures.getAndSet(0));
        return counts;
    }

    /** The first failure this instance saw that concerned the target as a whole; the stored one wins if earlier. */
    JobEvent.CycleError firstSystemicError() {
        return firstSystemicError.get();
    }

    /** A slice of a spread cycle: other instances may work the job's other slices at the same time. */
    WorkedBy workedBy() {
        return slices > 1 ? WorkedBy.SEVERAL_INSTANCES : WorkedBy.THIS_INSTANCE;
    }

    /** Full cycles compare with what the target has, and repair it; incremental ones trust the last export. */
    ObjectProvisioner.Baseline baseline() {
        return full() ? ObjectProvisioner.Baseline.TARGET : ObjectProvisioner.Baseline.LAST_EXPORTED;
    }

    /** A cycle that read the whole source: what it did not read is gone from it. */
    boolean full() {
        return kind == Tick.CycleKind.Initial;
    }

    boolean forceDeletes() {
        return resetScope.contains(RestartScope.ForceDeletes);
    }

    /** @param references whether the outcome is of setting references rather than of exporting the object */
    void count(Outcome outcome, boolean references) {
        if (references && outcome.failed()) {
            referenceFailures.incrementAndGet();
        }
        processed.incrementAndGet();
        if (outcome.wasExported() || outcome.failed()) {
            exports.incrementAndGet();
        }
        if (outcome.wasExported()) {
            exported.incrementAndGet();
        }
        if (outcome.failed()) {
            failures.incrementAndGet();
            if (outcome.wasEscrowed()) {
                escrowed.incrementAndGet();
            }
            if (outcome.systemic()) {
                systemicFailures.incrementAndGet();
                firstSystemicError.compareAndSet(null,
                        new JobEvent.CycleError(outcome.errorCode(), outcome.reason(), true));
            }
        }
    }

    /** A total of the stored cycle (0 when no slice counted it yet). */
    static long total(RunningCycles.RunningCycle totals, String count) {
        return totals.counts().getOrDefault(count, 0L);
    }

    /** Every export failed, and for a reason that concerns the target as a whole. */
    static boolean failedCompletely(RunningCycles.RunningCycle totals) {
        return total(totals, SYSTEMIC_FAILURES) > 0 && total(totals, EXPORTED) == 0;
    }
}

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

/**
 * One job's running cycle as the provisioner counts it, saved in {@link RunningCycles} after each part of the cycle
 * so that a restart or a rebalance goes on from the counts of the records already committed.
 */
final class CycleState {
    final String cycleId;
    final Tick.CycleKind kind;
    final Instant began;
    final Set<RestartScope> resetScope;
    /** Objects whose outcome was recorded, whatever it was: the cycle's progress. */
    final AtomicLong processed = new AtomicLong();
    final AtomicLong exports = new AtomicLong();
    final AtomicLong exported = new AtomicLong();
    final AtomicLong escrowed = new AtomicLong();
    final AtomicLong failures = new AtomicLong();
    /** Failures to set references (a manager, group members): the quarantine rules weigh them apart. */
    final AtomicLong referenceFailures = new AtomicLong();
    final AtomicLong systemicFailures = new AtomicLong();
    final AtomicReference<JobEvent.CycleError> firstSystemicError = new AtomicReference<>();

    CycleState(String cycleId, Tick.CycleKind kind, Instant began, Set<RestartScope> resetScope) {
        this.cycleId = cycleId;
        this.kind = kind;
        this.began = began;
        this.resetScope = resetScope;
    }

    static CycleState restore(RunningCycles.RunningCycle stored) {
        CycleState state = new CycleState(stored.cycleId(), stored.kind(), stored.began(), stored.resetScope());
        Map<String, Long> counts = stored.counts();
        state.processed.set(counts.getOrDefault("processed", 0L));
        state.exports.set(counts.getOrDefault("exports", 0L));
        state.exported.set(counts.getOrDefault("exported", 0L));
        state.escrowed.set(counts.getOrDefault("escrowed", 0L));
        state.failures.set(counts.getOrDefault("failures", 0L));
        state.referenceFailures.set(counts.getOrDefault("referenceFailures", 0L));
        state.systemicFailures.set(counts.getOrDefault("systemicFailures", 0L));
        state.firstSystemicError.set(stored.firstTargetError());
        return state;
    }

    RunningCycles.RunningCycle snapshot(String jobId) {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("processed", processed.get());
        counts.put("exports", exports.get());
        counts.put("exported", exported.get());
        counts.put("escrowed", escrowed.get());
        counts.put("failures", failures.get());
        counts.put("referenceFailures", referenceFailures.get());
        counts.put("systemicFailures", systemicFailures.get());
        return new RunningCycles.RunningCycle(jobId, cycleId, kind, began, resetScope, counts,
                firstSystemicError.get());
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
        count(outcome);
    }

    private void count(Outcome outcome) {
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

    /** Every export failed, and for a reason that concerns the target as a whole. */
    boolean failedCompletely() {
        return systemicFailures.get() > 0 && exported.get() == 0;
    }
}

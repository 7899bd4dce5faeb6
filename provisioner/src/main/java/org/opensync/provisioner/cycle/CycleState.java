package org.opensync.provisioner.cycle;

import java.time.Instant;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.opensync.common.events.JobEvent;
import org.opensync.common.events.RestartScope;
import org.opensync.common.events.Tick;
import org.opensync.provisioner.engine.ObjectProvisioner;
import org.opensync.provisioner.engine.Outcome;

/**
 * One job's running cycle as the provisioner counts it. After a restart in the middle of a cycle the counts start
 * again from the first record not yet committed.
 */
final class CycleState {
    final String cycleId;
    final Tick.CycleKind kind;
    final Instant began;
    final Set<RestartScope> resetScope;
    final AtomicLong exports = new AtomicLong();
    final AtomicLong exported = new AtomicLong();
    final AtomicLong escrowed = new AtomicLong();
    final AtomicLong failures = new AtomicLong();
    final AtomicLong systemicFailures = new AtomicLong();
    final AtomicReference<JobEvent.CycleError> firstSystemicError = new AtomicReference<>();

    CycleState(String cycleId, Tick.CycleKind kind, Instant began, Set<RestartScope> resetScope) {
        this.cycleId = cycleId;
        this.kind = kind;
        this.began = began;
        this.resetScope = resetScope;
    }

    /** Full cycles compare with what the target has, and repair it; incremental ones trust the last export. */
    ObjectProvisioner.Baseline baseline() {
        return kind == Tick.CycleKind.Initial ? ObjectProvisioner.Baseline.TARGET
                : ObjectProvisioner.Baseline.LAST_EXPORTED;
    }

    boolean forceDeletes() {
        return resetScope.contains(RestartScope.ForceDeletes);
    }

    void count(Outcome outcome) {
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

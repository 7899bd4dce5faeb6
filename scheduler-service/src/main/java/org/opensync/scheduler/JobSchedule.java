package org.opensync.scheduler;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.opensync.common.events.RestartScope;
import org.opensync.common.events.Tick;

/** When a job runs next and with what; the scheduler's own view of the job lifecycle. */
@Entity
@Table(name = "job_schedule")
public class JobSchedule extends PanacheEntityBase {
    public enum State { Active, Paused, Disabled }

    @Id
    @Column(name = "job_id")
    public String jobId;

    @Enumerated(EnumType.STRING)
    public State state;

    @Column(name = "interval_ms")
    public Long intervalMs;

    /** The interval of the last start or restart; {@link #intervalMs} differs from it while a quarantine lasts. */
    @Column(name = "base_interval_ms")
    public Long baseIntervalMs;

    @Column(name = "next_due_at")
    public Instant nextDueAt;

    @Column(name = "tick_sequence")
    public long tickSequence;

    @Enumerated(EnumType.STRING)
    @Column(name = "next_cycle_kind")
    public Tick.CycleKind nextCycleKind;

    @Column(name = "pending_reset_scope")
    public String pendingResetScope;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /** The trace of the command that last changed the schedule, which the next tick continues; then null. */
    public String traceparent;

    static JobSchedule disabled(String jobId) {
        JobSchedule schedule = new JobSchedule();
        schedule.jobId = jobId;
        schedule.state = State.Disabled;
        schedule.nextCycleKind = Tick.CycleKind.Initial;
        schedule.updatedAt = Instant.now();
        return schedule;
    }

    /** Runs now, then every {@code interval}. */
    void activate(Duration interval, Instant now) {
        state = State.Active;
        intervalMs = interval.toMillis();
        baseIntervalMs = intervalMs;
        nextDueAt = now;
        updatedAt = now;
    }

    /** Activates and makes the next tick carry the reset; a cleared watermark means a full read. */
    void restart(Duration interval, Set<RestartScope> scope, Instant now) {
        activate(interval, now);
        pendingResetScope = RestartScope.format(scope);
        if (RestartScope.clearsWatermark(scope)) {
            nextCycleKind = Tick.CycleKind.Initial;
        }
    }

    /** A new pace for an active job; a paused or disabled job keeps waiting for start. */
    void reschedule(Duration interval, Instant nextDue, Instant now) {
        intervalMs = interval.toMillis();
        if (state == State.Active) {
            nextDueAt = nextDue;
        }
        updatedAt = now;
    }

    /** A job quarantined too long: no more ticks until start or restart. */
    void disable(Instant now) {
        state = State.Disabled;
        nextDueAt = null;
        updatedAt = now;
    }

    void pause(Instant now) {
        state = State.Paused;
        nextDueAt = null;
        updatedAt = now;
    }

    /**
     * The job's source reported a change: an active job at its own pace runs its next cycle now, yet no sooner than
     * {@code minGap} after its last tick, so that a source that changes all the time gets a cycle after another at
     * most, not a storm of them. A paused, disabled or quarantined job keeps waiting.
     *
     * @return whether the next tick moved
     */
    boolean sourceChanged(Instant now, Duration minGap) {
        if (state != State.Active || nextDueAt == null || intervalMs == null || !intervalMs.equals(baseIntervalMs)
                || !nextDueAt.isAfter(now.plus(minGap))) {
            return false; // not running, or ticking soon anyway (brought forward already, or a short interval)
        }
        // Not brought forward yet, so the next tick is one interval after the last
        Instant lastTick = nextDueAt.minusMillis(intervalMs);
        Instant earliest = lastTick.plus(minGap).isAfter(now) ? lastTick.plus(minGap) : now;
        if (!earliest.isBefore(nextDueAt)) {
            return false;
        }
        nextDueAt = earliest;
        updatedAt = now;
        return true;
    }

    /**
     * Emits the tick that is due and moves the schedule on. After downtime longer than the interval a single
     * catch-up tick is emitted, not one per missed interval.
     */
    Tick nextTick(Instant now) {
        tickSequence++;
        Instant due = nextDueAt;
        String tickId = UUID.nameUUIDFromBytes((jobId + "#" + tickSequence).getBytes(StandardCharsets.UTF_8)).toString();
        Tick tick = new Tick(tickId, now, jobId, tickId, tickSequence, nextCycleKind, resetScope(), due);
        Instant next = due.plusMillis(intervalMs);
        nextDueAt = next.isAfter(now) ? next : now.plusMillis(intervalMs);
        nextCycleKind = Tick.CycleKind.Incremental;
        pendingResetScope = null;
        updatedAt = now;
        return tick;
    }

    private Set<RestartScope> resetScope() {
        if (pendingResetScope == null) {
            return EnumSet.noneOf(RestartScope.class);
        }
        return pendingResetScope.isEmpty() ? EnumSet.noneOf(RestartScope.class) : RestartScope.parseFlags(pendingResetScope);
    }
}

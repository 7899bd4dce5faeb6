package org.opensync.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The schedule's rules for a source's doorbell, without a database. */
class JobScheduleTest {
    private static final Duration HOURLY = Duration.ofHours(1);
    private static final Duration MIN_GAP = Duration.ofSeconds(1);
    private static final Instant START = Instant.parse("2026-12-06T10:00:00Z");

    @Test
    void aChangeBringsAnActiveJobsNextTickForwardToNow() {
        JobSchedule schedule = ticked(HOURLY);
        Instant later = START.plusSeconds(60);

        assertThat(schedule.sourceChanged(later, MIN_GAP)).isTrue();
        assertThat(schedule.nextDueAt).isEqualTo(later);
        schedule.nextTick(later);
        assertThat(schedule.nextDueAt).as("then the job's own pace again").isEqualTo(later.plus(HOURLY));
    }

    @Test
    void notSoonerThanTheMinimumGapAfterTheLastTick() {
        JobSchedule schedule = ticked(HOURLY);

        assertThat(schedule.sourceChanged(START.plusMillis(200), MIN_GAP)).isTrue();
        assertThat(schedule.nextDueAt).isEqualTo(START.plus(MIN_GAP));
        assertThat(schedule.sourceChanged(START.plusMillis(300), MIN_GAP)).as("already as early as it gets").isFalse();
    }

    @Test
    void pausedDisabledAndQuarantinedJobsKeepWaiting() {
        JobSchedule paused = ticked(HOURLY);
        paused.pause(START);
        JobSchedule disabled = ticked(HOURLY);
        disabled.disable(START);
        JobSchedule quarantined = ticked(HOURLY);
        quarantined.reschedule(Duration.ofHours(6), START.plus(Duration.ofHours(6)), START);
        Instant later = START.plusSeconds(60);

        assertThat(paused.sourceChanged(later, MIN_GAP)).isFalse();
        assertThat(disabled.sourceChanged(later, MIN_GAP)).isFalse();
        assertThat(quarantined.sourceChanged(later, MIN_GAP)).isFalse();
        assertThat(quarantined.nextDueAt).isEqualTo(START.plus(Duration.ofHours(6)));

        quarantined.reschedule(HOURLY, START.plus(HOURLY), START);
        assertThat(quarantined.sourceChanged(later, MIN_GAP)).as("the quarantine is lifted").isTrue();
    }

    @Test
    void aScheduleFromBeforeTheBaseIntervalWasKeptStaysSilentUntilStarted() {
        JobSchedule schedule = ticked(HOURLY);
        schedule.baseIntervalMs = null;

        assertThat(schedule.sourceChanged(START.plusSeconds(60), MIN_GAP)).isFalse();
    }

    /** Started at {@link #START} and ticked once then. */
    private static JobSchedule ticked(Duration interval) {
        JobSchedule schedule = JobSchedule.disabled("job");
        schedule.activate(interval, START);
        schedule.nextTick(START);
        return schedule;
    }
}

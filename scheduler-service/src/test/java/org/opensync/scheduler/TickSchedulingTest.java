package org.opensync.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opensync.common.events.RestartScope;
import org.opensync.common.events.Tick;
import org.opensync.common.events.Topics;
import org.opensync.testing.TopicProbe;

/** Ticks read back from the real {@code sync.ticks} topic after commands on the real {@code sync.job-commands}. */
@QuarkusTest
class TickSchedulingTest {
    private static final Duration INTERVAL = Duration.ofSeconds(2);
    private static final Duration WAIT = Duration.ofSeconds(20);
    private TopicProbe ticks;

    @BeforeEach
    void listen() {
        ticks = TopicProbe.fromNow(Topics.TICKS);
    }

    @AfterEach
    void close() {
        ticks.close();
    }

    @Test
    void startTicksAtOnceThenEveryInterval() {
        String jobId = Commands.newJob();
        Commands.start(jobId, INTERVAL);

        List<Tick> emitted = awaitTicks(jobId, 3);
        assertThat(emitted).extracting(Tick::sequence).containsExactly(1L, 2L, 3L);
        assertThat(emitted).extracting(Tick::cycleKind)
                .containsExactly(Tick.CycleKind.Initial, Tick.CycleKind.Incremental, Tick.CycleKind.Incremental);
        assertThat(emitted).extracting(Tick::tickId).doesNotHaveDuplicates();
        assertThat(Duration.between(emitted.get(0).dueAt(), emitted.get(1).dueAt())).isEqualTo(INTERVAL);
        assertThat(Duration.between(emitted.get(1).dueAt(), emitted.get(2).dueAt())).isEqualTo(INTERVAL);
        for (Tick tick : emitted) {
            assertThat(tick.occurredAt()).as("emitted when due, not before").isAfterOrEqualTo(tick.dueAt());
            assertThat(tick.eventId()).isEqualTo(tick.tickId());
        }
        Commands.delete(jobId);
    }

    @Test
    void createdAndPausedJobsDoNotTick() {
        String neverStarted = Commands.newJob();
        String paused = Commands.newJob();
        Commands.start(paused, INTERVAL);
        awaitTicks(paused, 1);
        Commands.pause(paused);
        Awaitility.await().atMost(WAIT).until(() -> state(paused) == JobSchedule.State.Paused);
        int before = Ticks.of(ticks, paused).size();

        Awaitility.await().during(INTERVAL.multipliedBy(2).plusMillis(500)).atMost(WAIT)
                .until(() -> Ticks.of(ticks, paused).size() == before && Ticks.of(ticks, neverStarted).isEmpty());
    }

    @Test
    void restartTicksAtOnceWithTheResetFlags() {
        String jobId = Commands.newJob();
        Duration hourly = Duration.ofHours(1);
        Commands.start(jobId, hourly);
        awaitTicks(jobId, 1);

        Commands.restart(jobId, hourly, EnumSet.of(RestartScope.Full));
        Tick full = awaitTicks(jobId, 2).get(1);
        assertThat(full.cycleKind()).isEqualTo(Tick.CycleKind.Initial);
        assertThat(full.resetScope()).containsExactly(RestartScope.Full);

        Commands.restart(jobId, hourly, EnumSet.of(RestartScope.Escrows));
        Tick escrows = awaitTicks(jobId, 3).get(2);
        assertThat(escrows.cycleKind()).isEqualTo(Tick.CycleKind.Incremental);
        assertThat(escrows.resetScope()).containsExactly(RestartScope.Escrows);
        Commands.delete(jobId);
    }

    @Test
    void aJobDisabledAfterALongQuarantineStopsTickingUntilStarted() {
        String jobId = Commands.newJob();
        Commands.start(jobId, INTERVAL);
        awaitTicks(jobId, 1);
        Commands.disable(jobId);
        Awaitility.await().atMost(WAIT).until(() -> state(jobId) == JobSchedule.State.Disabled);
        int before = Ticks.of(ticks, jobId).size();

        Awaitility.await().during(INTERVAL.multipliedBy(2).plusMillis(500)).atMost(WAIT)
                .until(() -> Ticks.of(ticks, jobId).size() == before);

        Commands.start(jobId, INTERVAL);
        awaitTicks(jobId, before + 1);
        Commands.delete(jobId);
    }

    @Test
    void aSourceChangeRunsAnHourlyJobsNextCycleNowButNotAPausedJobs() {
        String jobId = Commands.newJob();
        String paused = Commands.newJob();
        Duration hourly = Duration.ofHours(1);
        Commands.start(jobId, hourly);
        Commands.start(paused, hourly);
        awaitTicks(jobId, 1);
        awaitTicks(paused, 1);
        Commands.pause(paused);
        Awaitility.await().atMost(WAIT).until(() -> state(paused) == JobSchedule.State.Paused);

        Commands.sourceChanged(jobId);
        String pausedBell = Commands.sourceChanged(paused);
        Tick early = awaitTicks(jobId, 2).get(1);
        assertThat(early.cycleKind()).isEqualTo(Tick.CycleKind.Incremental);
        assertThat(early.dueAt()).as("brought forward from an hour later").isBefore(Instant.now());
        Awaitility.await().atMost(WAIT).until(() -> processed(pausedBell));
        assertThat(Ticks.of(ticks, paused)).hasSize(1);
        Commands.delete(jobId);
        Commands.delete(paused);
    }

    @Test
    void deletedJobStopsTicking() {
        String jobId = Commands.newJob();
        Commands.start(jobId, INTERVAL);
        awaitTicks(jobId, 1);
        Commands.delete(jobId);
        Awaitility.await().atMost(WAIT).until(() -> state(jobId) == null);
        int before = Ticks.of(ticks, jobId).size();

        Awaitility.await().during(INTERVAL.multipliedBy(2).plusMillis(500)).atMost(WAIT)
                .until(() -> Ticks.of(ticks, jobId).size() == before);
    }

    private List<Tick> awaitTicks(String jobId, int count) {
        Awaitility.await().atMost(WAIT).until(() -> Ticks.of(ticks, jobId).size() >= count);
        return Ticks.of(ticks, jobId);
    }

    @Transactional
    boolean processed(String eventId) {
        return JobSchedule.getEntityManager().createNativeQuery(
                        "select 1 from processed_event where consumer = 'scheduler.source-changes' and event_id = ?1")
                .setParameter(1, eventId).getResultList().size() == 1;
    }

    @Transactional
    JobSchedule.State state(String jobId) {
        JobSchedule schedule = JobSchedule.findById(jobId);
        return schedule == null ? null : schedule.state;
    }
}

package org.opensync.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.health.Readiness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opensync.common.events.JobCommand;
import org.opensync.common.events.Topics;
import org.opensync.common.kafka.ConsumerRetries;
import org.opensync.common.kafka.ConsumerRetriesHealthCheck;
import org.opensync.testing.EventPublisher;
import org.opensync.testing.TopicProbe;

/**
 * The issue "Nothing lost, nothing stuck": a {@code JobPaused} that meets a database failure must not be
 * dead-lettered. The failure is real: another transaction holds the job's row {@code FOR UPDATE} and this service's
 * connections give up waiting after {@code lock_timeout} (PostgreSQL 55P03). The command is retried in place, each
 * attempt in a new transaction, and takes effect once the lock is gone.
 */
@QuarkusTest
@TestProfile(TransientFailureRetryTest.ShortLockTimeout.class)
class TransientFailureRetryTest {
    private static final String CONSUMER = "scheduler.job-commands";
    private static final Duration WAIT = Duration.ofSeconds(30);

    public static class ShortLockTimeout implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.datasource.jdbc.new-connection-sql", "set lock_timeout = '300ms'",
                    "sync.consumer.retry.unhealthy-after", "PT0.5S");
        }
    }

    @Inject
    AgroalDataSource dataSource;
    @Inject
    ConsumerRetries retries;
    @Inject
    @Readiness
    ConsumerRetriesHealthCheck health;

    private TopicProbe deadLetters;
    private TopicProbe ticks;

    @BeforeEach
    void listen() {
        deadLetters = TopicProbe.fromNow(Topics.DEAD_LETTER);
        ticks = TopicProbe.fromNow(Topics.TICKS);
    }

    @AfterEach
    void close() {
        deadLetters.close();
        ticks.close();
    }

    @Test
    void pauseMeetingALockTimeoutIsRetriedUntilItTakesEffect() throws Exception {
        String jobId = Commands.newJob();
        Commands.start(jobId, Duration.ofSeconds(2));
        Awaitility.await().atMost(WAIT).until(() -> !Ticks.of(ticks, jobId).isEmpty());

        String pauseId = UUID.randomUUID().toString();
        try (Connection locker = dataSource.getConnection()) {
            locker.setAutoCommit(false);
            try (PreparedStatement lock = locker.prepareStatement(
                    "select job_id from job_schedule where job_id = ? for update")) {
                lock.setString(1, jobId);
                try (ResultSet rows = lock.executeQuery()) {
                    assertThat(rows.next()).isTrue();
                }
            }
            EventPublisher.publish(Topics.JOB_COMMANDS, new JobCommand.JobPaused(pauseId, Instant.now(), jobId));

            // at least two attempts failed on the lock: the record is retried, not set aside
            Awaitility.await().atMost(WAIT).until(() -> retries.failedAttempts(CONSUMER) >= 2);
            assertThat(state(jobId)).isEqualTo(JobSchedule.State.Active);
            assertThat(retries.current()).anySatisfy(r -> {
                assertThat(r.consumer()).isEqualTo(CONSUMER);
                assertThat(r.record()).startsWith(Topics.JOB_COMMANDS);
                assertThat(r.lastError()).containsIgnoringCase("lock");
            });
            Awaitility.await().atMost(WAIT).until(() -> health.call().getStatus()
                    == org.eclipse.microprofile.health.HealthCheckResponse.Status.DOWN);
            locker.rollback();
        }

        Awaitility.await().atMost(WAIT).until(() -> state(jobId) == JobSchedule.State.Paused);
        Awaitility.await().atMost(WAIT).until(() -> retries.failedAttempts(CONSUMER) == 0);
        assertThat(health.call().getStatus()).isEqualTo(org.eclipse.microprofile.health.HealthCheckResponse.Status.UP);
        assertThat(processedCount(pauseId)).as("applied exactly once").isEqualTo(1);
        assertThat(deadLetters.records(r -> pauseId.equals(TopicProbe.header(r, "event-id")))).isEmpty();
        Commands.delete(jobId);
    }

    @Transactional
    JobSchedule.State state(String jobId) {
        JobSchedule schedule = JobSchedule.findById(jobId);
        return schedule == null ? null : schedule.state;
    }

    private long processedCount(String eventId) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select count(*) from processed_event where event_id = ?")) {
            s.setString(1, eventId);
            try (ResultSet rows = s.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}

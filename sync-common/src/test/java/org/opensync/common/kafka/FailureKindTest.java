package org.opensync.common.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.RollbackException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import org.hibernate.StaleObjectStateException;
import org.hibernate.exception.JDBCConnectionException;
import org.hibernate.exception.LockAcquisitionException;
import org.junit.jupiter.api.Test;
import org.opensync.common.events.UnreadableEventException;

class FailureKindTest {

    @Test
    void databaseUnavailableIsTransient() {
        assertEquals(FailureKind.TRANSIENT, FailureKind.of(new JDBCConnectionException("down",
                new SQLException("Connection to 127.0.0.1:5432 refused", "08001"))));
        assertEquals(FailureKind.TRANSIENT, FailureKind.of(new PersistenceException("x",
                new SQLException("terminating connection due to administrator command", "57P01"))));
        assertEquals(FailureKind.TRANSIENT, FailureKind.of(new SQLTransientConnectionException("pool")));
        assertEquals(FailureKind.TRANSIENT, FailureKind.of(new IllegalStateException(
                new SQLException("Sorry, acquisition timeout!"))));
        assertEquals(FailureKind.TRANSIENT, FailureKind.of(new RuntimeException(new ConnectException("refused"))));
    }

    @Test
    void lockConflictsAndTimeoutsAreTransient() {
        assertEquals(FailureKind.TRANSIENT, FailureKind.of(new OptimisticLockException("version changed")));
        assertEquals(FailureKind.TRANSIENT, FailureKind.of(new StaleObjectStateException("JobSchedule", "j1")));
        assertEquals(FailureKind.TRANSIENT, FailureKind.of(new LockAcquisitionException("lock",
                new SQLException("canceling statement due to lock timeout", "55P03"))));
        assertEquals(FailureKind.TRANSIENT, FailureKind.of(new PersistenceException(
                new SQLException("could not serialize access", "40001"))));
        assertEquals(FailureKind.TRANSIENT, FailureKind.of(new PersistenceException(
                new SQLException("deadlock detected", "40P01"))));
        assertEquals(FailureKind.TRANSIENT, FailureKind.of(new PersistenceException(
                new SQLException("canceling statement due to statement timeout", "57014"))));
    }

    @Test
    void rollbacksAreClassifiedByTheirCause() {
        RollbackException rollback = new RollbackException("ARJUNA016053: Could not commit transaction.");
        rollback.initCause(new OptimisticLockException("conflict"));
        assertEquals(FailureKind.TRANSIENT, FailureKind.of(new RuntimeException("commit failed", rollback)));
        assertEquals(FailureKind.UNEXPECTED, FailureKind.of(new RollbackException("no cause")));
        RollbackException narayana = new RollbackException("ARJUNA016053: Could not commit transaction.");
        narayana.addSuppressed(new jakarta.persistence.LockTimeoutException("canceling statement due to lock timeout"));
        assertEquals(FailureKind.TRANSIENT, FailureKind.of(new RuntimeException(narayana)));
    }

    @Test
    void brokerTimeoutsAreTransient() {
        assertEquals(FailureKind.TRANSIENT, FailureKind.of(new IllegalStateException(
                new org.apache.kafka.common.errors.TimeoutException("Expiring 1 record(s)"))));
        assertEquals(FailureKind.TRANSIENT, FailureKind.of(
                new org.apache.kafka.common.errors.NotLeaderOrFollowerException("moved")));
    }

    /** A stopping instance interrupts its work: not done, so redone (by the partition's next owner), never set aside. */
    @Test
    void interruptedWorkIsTransient() {
        assertEquals(FailureKind.TRANSIENT, FailureKind.of(new IllegalStateException("interrupted while provisioning",
                new InterruptedException())));
    }

    @Test
    void unreadableRecordsArePoisonEvenWhenWrapped() {
        assertEquals(FailureKind.POISON, FailureKind.of(new UnreadableEventException("not JSON")));
        assertEquals(FailureKind.POISON, FailureKind.of(new RuntimeException(
                new UnreadableEventException("payload version 2 is newer than the supported 1"))));
        RollbackException rollback = new RollbackException("rolled back");
        rollback.initCause(new UnreadableEventException("the record has no event-id header"));
        assertEquals(FailureKind.POISON, FailureKind.of(rollback));
    }

    @Test
    void bugsAreUnexpected() {
        assertEquals(FailureKind.UNEXPECTED, FailureKind.of(new NullPointerException()));
        assertEquals(FailureKind.UNEXPECTED, FailureKind.of(new IllegalStateException("no such state")));
        assertEquals(FailureKind.UNEXPECTED, FailureKind.of(new PersistenceException(
                new SQLException("duplicate key value violates unique constraint", "23505"))));
        assertEquals(FailureKind.UNEXPECTED, FailureKind.of(new PersistenceException(
                new SQLException("relation does not exist", "42P01"))));
    }

    @Test
    void causeCyclesTerminate() {
        RuntimeException a = new RuntimeException("a");
        RuntimeException b = new RuntimeException("b", a);
        a.initCause(b);
        assertEquals(FailureKind.UNEXPECTED, FailureKind.of(a));
    }

    @Test
    void backOffDoublesUpToTheCap() {
        Duration initial = Duration.ofMillis(200);
        Duration max = Duration.ofSeconds(30);
        assertEquals(Duration.ofMillis(200), RetryPolicy.backoff(initial, max, 1));
        assertEquals(Duration.ofMillis(400), RetryPolicy.backoff(initial, max, 2));
        assertEquals(Duration.ofMillis(25_600), RetryPolicy.backoff(initial, max, 8));
        assertEquals(max, RetryPolicy.backoff(initial, max, 9));
        assertEquals(max, RetryPolicy.backoff(initial, max, 10_000));
    }

    @Test
    void sinceAcceptsInstantsAndDurations() {
        assertEquals(java.time.Instant.parse("2026-01-01T00:00:00Z"), DeadLetterTool.since("2026-01-01T00:00:00Z"));
        java.time.Instant twoHoursAgo = DeadLetterTool.since("PT2H");
        long seconds = Duration.between(twoHoursAgo, java.time.Instant.now()).toSeconds();
        assertEquals(true, seconds >= 7199 && seconds <= 7201);
    }
}

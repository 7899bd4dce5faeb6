package org.opensync.common.kafka;

import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;
import jakarta.persistence.QueryTimeoutException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.common.errors.RetriableException;
import org.hibernate.StaleStateException;
import org.hibernate.exception.JDBCConnectionException;
import org.hibernate.exception.LockAcquisitionException;
import org.opensync.common.events.UnreadableEventException;

/**
 * What a consumer does with a record whose processing threw: retry it in place, or set it aside on
 * {@code sync.dead-letter}. The whole cause chain is inspected (a {@code jakarta.transaction.RollbackException} or a
 * {@code QuarkusTransactionException} wrapping a lock timeout is transient); a poison cause anywhere wins.
 */
public enum FailureKind {
    /** The infrastructure is momentarily unable (database, lock, broker): the same record will succeed later. */
    TRANSIENT,
    /** The record itself can never be processed (undecodable, newer version, contract violation). */
    POISON,
    /** Neither: most likely a bug. Retried like a transient failure (see {@link EventConsumer}). */
    UNEXPECTED;

    public static FailureKind of(Throwable failure) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        Deque<Throwable> pending = new ArrayDeque<>();
        pending.add(failure);
        boolean transientCause = false;
        while (!pending.isEmpty()) {
            Throwable t = pending.poll();
            if (seen.put(t, Boolean.TRUE) != null) {
                continue;
            }
            if (t instanceof UnreadableEventException) {
                return POISON;
            }
            transientCause |= isTransient(t);
            if (t.getCause() != null) {
                pending.add(t.getCause());
            }
            // Narayana attaches the exception of a failed beforeCompletion (the flush at commit) as suppressed
            pending.addAll(List.of(t.getSuppressed()));
        }
        return transientCause ? TRANSIENT : UNEXPECTED;
    }

    /** One link of a cause chain, on its own. */
    static boolean isTransient(Throwable t) {
        if (t instanceof OptimisticLockException || t instanceof PessimisticLockException
                || t instanceof LockTimeoutException || t instanceof QueryTimeoutException
                || t instanceof StaleStateException || t instanceof JDBCConnectionException
                || t instanceof LockAcquisitionException
                || t instanceof org.hibernate.PessimisticLockException
                || t instanceof org.hibernate.exception.LockTimeoutException
                || t instanceof org.hibernate.QueryTimeoutException) {
            return true;
        }
        if (t instanceof SQLTransientException || t instanceof SQLRecoverableException) {
            return true;
        }
        if (t instanceof SQLException sql && (transientSqlState(sql.getSQLState()) || poolExhausted(sql))) {
            return true;
        }
        if (t instanceof RetriableException || t instanceof org.apache.kafka.common.errors.TimeoutException
                || t instanceof org.apache.kafka.common.errors.DisconnectException) {
            return true;
        }
        // Work interrupted because the instance stops was not done: redone here or by the partition's next owner
        return t instanceof ConnectException || t instanceof NoRouteToHostException
                || t instanceof UnknownHostException || t instanceof SocketException
                || t instanceof InterruptedIOException || t instanceof InterruptedException
                || t instanceof java.util.concurrent.TimeoutException;
    }

    /**
     * PostgreSQL SQLSTATEs that describe the moment, not the statement: connection exceptions (08), serialization
     * failures and deadlocks (40), insufficient resources (53), lock not available (55P03), statement cancelled by a
     * timeout (57014), server shutting down or starting (57P01-57P05).
     */
    static boolean transientSqlState(String state) {
        if (state == null) {
            return false;
        }
        return state.startsWith("08") || state.startsWith("40") || state.startsWith("53")
                || state.equals("55P03") || state.equals("57014") || state.startsWith("57P");
    }

    /** Agroal's "Sorry, acquisition timeout!" when every connection is busy or the server does not answer. */
    private static boolean poolExhausted(SQLException e) {
        String message = e.getMessage();
        return message != null && message.toLowerCase(Locale.ROOT).contains("acquisition timeout");
    }
}

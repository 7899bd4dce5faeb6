package org.opensync.provisioner.engine;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.opensync.common.mirror.MirrorConsumers;

/**
 * Creations that choose a value with {@code SelectUniqueValue} take turns within a job: each asks the target which
 * candidates are free and then creates the object, so two exports of the same cycle at once would both find the
 * same candidate free and one of them would be refused. Within this instance a lock per job is the turn, so a slow
 * target holds up only its own job's creations; a deleted job's lock is dropped. When other instances may work the
 * job's objects too (a spread cycle), the turn is also a PostgreSQL advisory lock on the job, which every instance
 * shares the database of; only the thread holding the job's local lock waits for it, so an instance ties up at most
 * one connection per job while it waits.
 */
@ApplicationScoped
public class UniqueValueTurns {
    /** The first key of the advisory locks: the namespace of these turns among the database's advisory locks. */
    private static final int LOCK_SPACE = 0x5eed;

    private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();
    private final DataSource dataSource;

    @Inject
    public UniqueValueTurns(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public <T> T inTurn(String jobId, WorkedBy workedBy, Supplier<T> work) {
        ReentrantLock lock = locks.computeIfAbsent(jobId, id -> new ReentrantLock());
        lock.lock();
        try {
            return workedBy == WorkedBy.THIS_INSTANCE ? work.get() : acrossInstances(jobId, work);
        } finally {
            lock.unlock();
        }
    }

    private <T> T acrossInstances(String jobId, Supplier<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            advisory(connection, "select pg_advisory_lock(?, hashtext(?))", jobId);
            try {
                return work.get();
            } finally {
                // A failed unlock means a broken connection, whose session and lock the server ends
                advisory(connection, "select pg_advisory_unlock(?, hashtext(?))", jobId);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the turn of job " + jobId + " for unique values is unavailable: "
                    + e.getMessage(), e);
        }
    }

    private static void advisory(Connection connection, String sql, String jobId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setInt(1, LOCK_SPACE);
            statement.setString(2, jobId);
            statement.execute();
        }
    }

    void forget(@Observes MirrorConsumers.JobRemoved removed) {
        locks.remove(removed.jobId());
    }
}

package org.opensync.common.lease;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * One instance of a service at a time per job, decided by a lease in the service's database (table {@code job_lease}:
 * {@code job_id} primary key, {@code owner}, {@code expires_at}). Kafka gives each job's partition to one consumer,
 * but after a rebalance the former owner may still be working the job while the new owner starts on it. The lease
 * is short and renewed in the background while the instance holds the job, so that a crashed instance holds a job up
 * for at most one lease period; an instance whose lease could not be renewed in time must stop working the job
 * ({@link #ensureHeld}).
 * <p>
 * Holds are counted: the lease is released when the last hold ends. Each service makes one instance (with its own
 * lease period) and {@link #close()}s it at shutdown.
 */
public class JobLeases implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(JobLeases.class);
    private static final Duration FIRST_WAIT = Duration.ofMillis(200);
    private static final Duration LONGEST_WAIT = Duration.ofSeconds(2);

    /** Thrown when the instance cannot be sure it still holds the job's lease: its work must stop. */
    public static final class LeaseLostException extends RuntimeException {
        LeaseLostException(String jobId) {
            super("this instance no longer holds the lease of job " + jobId);
        }
    }

    /** How many holds this instance has on a job, and until when its lease is certain. */
    private record Hold(int count, Instant certainUntil) {
    }

    private final DataSource dataSource;
    private final Duration ttl;
    private final String owner = UUID.randomUUID().toString();
    private final Map<String, Hold> held = new ConcurrentHashMap<>();
    private final ScheduledExecutorService renewer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "job-lease-renewer");
        thread.setDaemon(true);
        return thread;
    });

    public JobLeases(DataSource dataSource, Duration ttl) {
        this.dataSource = dataSource;
        this.ttl = ttl;
        long period = Math.max(1, ttl.toMillis() / 3);
        renewer.scheduleWithFixedDelay(this::renew, period, period, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        renewer.shutdownNow();
    }

    /** Holds the job's lease, taking it first when this instance does not have it, waiting while another has. */
    public void acquire(String jobId) throws InterruptedException {
        Duration wait = FIRST_WAIT;
        while (!tryAcquire(jobId)) {
            LOG.debugf("job %s is worked by another instance; waiting %s", jobId, wait);
            Thread.sleep(wait.toMillis());
            wait = wait.multipliedBy(2).compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait.multipliedBy(2);
        }
    }

    /** Holds the job's lease if this instance has it or can take it now; false while another instance has it. */
    public boolean tryAcquire(String jobId) {
        if (retain(jobId)) {
            return true;
        }
        Instant asked = Instant.now();
        if (!take(jobId)) {
            return false;
        }
        // Counted from before the request: the database's expiry is later, never earlier
        held.merge(jobId, new Hold(1, asked.plus(ttl)),
                (hold, fresh) -> new Hold(hold.count() + 1, fresh.certainUntil()));
        return true;
    }

    /** One more hold on a lease this instance has (work going on past its batch); false when it has none. */
    public boolean retain(String jobId) {
        return held.computeIfPresent(jobId, (job, hold) -> new Hold(hold.count() + 1, hold.certainUntil())) != null;
    }

    /** Before each write the job's work makes: the lease must be certain for a while yet. */
    public void ensureHeld(String jobId) {
        Hold hold = held.get(jobId);
        if (hold == null || Instant.now().isAfter(hold.certainUntil().minus(ttl.dividedBy(3)))) {
            throw new LeaseLostException(jobId);
        }
    }

    /** Ends one hold; with the last, another instance may take the job. */
    public void release(String jobId) {
        boolean last = held.computeIfPresent(jobId, (job, hold) -> hold.count() > 1
                ? new Hold(hold.count() - 1, hold.certainUntil()) : null) == null;
        if (last) {
            execute("delete from job_lease where job_id = ? and owner = ?", statement -> {
                statement.setString(1, jobId);
                statement.setString(2, owner);
            });
        }
    }

    private void renew() {
        try {
            List<String> jobs = List.copyOf(held.keySet());
            if (jobs.isEmpty()) {
                return;
            }
            Instant asked = Instant.now();
            List<String> renewed = execute("""
                            update job_lease set expires_at = now() + ?::interval
                            where job_id = any(?) and owner = ? and expires_at > now() returning job_id""",
                    statement -> {
                        statement.setString(1, ttl.toMillis() + " milliseconds");
                        statement.setArray(2, statement.getConnection().createArrayOf("text", jobs.toArray()));
                        statement.setString(3, owner);
                    });
            renewed.forEach(job -> held.computeIfPresent(job, (id, hold) -> new Hold(hold.count(), asked.plus(ttl))));
        } catch (RuntimeException e) {
            // Not renewed: the holds run out and ensureHeld stops the work, which is what must happen then
            LOG.warnf("could not renew the job leases: %s", e.getMessage());
        }
    }

    private boolean take(String jobId) {
        return !execute("""
                        insert into job_lease (job_id, owner, expires_at)
                        values (?, ?, now() + ?::interval)
                        on conflict (job_id) do update set owner = excluded.owner, expires_at = excluded.expires_at
                        where job_lease.owner = excluded.owner or job_lease.expires_at < now()
                        returning owner""",
                statement -> {
                    statement.setString(1, jobId);
                    statement.setString(2, owner);
                    statement.setString(3, ttl.toMillis() + " milliseconds");
                }).isEmpty();
    }

    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    /** One autocommitted statement; the first column of the rows it returns, if any. */
    private List<String> execute(String sql, Binder binder) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            binder.bind(statement);
            List<String> rows = new ArrayList<>();
            if (statement.execute()) {
                try (ResultSet row = statement.getResultSet()) {
                    while (row.next()) {
                        rows.add(row.getString(1));
                    }
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("the job leases are unavailable: " + e.getMessage(), e);
        }
    }
}

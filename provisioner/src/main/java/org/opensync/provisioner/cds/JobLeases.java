package org.opensync.provisioner.cds;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;
import org.opensync.provisioner.ProvisionerConfig;

/**
 * One provisioner instance at a time per job. Kafka gives each job's partition to one consumer, but after a
 * rebalance the former owner may still be exporting a batch while the new owner reads it again: both would create
 * the objects that have nothing unique to match on (groups). A lease in the service's database decides. It is short
 * and renewed in the background while the instance works the job, so that a crashed instance holds a job up for at
 * most one lease period; the new owner waits until the former one released the job or its lease expired, and an
 * instance stops exporting a job whose lease it could not renew in time (checked before each object).
 * <p>
 * Holds are counted: a batch being worked and each export still running past its batch's deadline hold the lease;
 * it is released when the last hold ends.
 */
@ApplicationScoped
public class JobLeases {
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

    private final Jdbc jdbc;
    private final Duration ttl;
    private final String owner = UUID.randomUUID().toString();
    private final Map<String, Hold> held = new ConcurrentHashMap<>();
    private final ScheduledExecutorService renewer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "job-lease-renewer");
        thread.setDaemon(true);
        return thread;
    });

    @Inject
    public JobLeases(AgroalDataSource dataSource, ProvisionerConfig config) {
        this.jdbc = new Jdbc(dataSource);
        this.ttl = config.jobLease();
        long period = Math.max(1, ttl.toMillis() / 3);
        renewer.scheduleWithFixedDelay(this::renew, period, period, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent shutdown) {
        renewer.shutdownNow();
    }

    /** Holds the job's lease, taking it first when this instance does not have it, waiting while another has. */
    public void acquire(String jobId) throws InterruptedException {
        if (held.computeIfPresent(jobId, (job, hold) -> new Hold(hold.count() + 1, hold.certainUntil())) != null) {
            return;
        }
        Duration wait = FIRST_WAIT;
        while (true) {
            Instant asked = Instant.now();
            if (tryAcquire(jobId)) {
                // Counted from before the request: the database's expiry is later, never earlier
                held.merge(jobId, new Hold(1, asked.plus(ttl)),
                        (hold, fresh) -> new Hold(hold.count() + 1, fresh.certainUntil()));
                return;
            }
            LOG.debugf("job %s is worked by another provisioner instance; waiting %s", jobId, wait);
            Thread.sleep(wait.toMillis());
            wait = wait.multipliedBy(2).compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait.multipliedBy(2);
        }
    }

    /** One more hold on a lease this instance has (an export going on past its batch); false when it has none. */
    public boolean retain(String jobId) {
        return held.computeIfPresent(jobId, (job, hold) -> new Hold(hold.count() + 1, hold.certainUntil())) != null;
    }

    /** Before an object is exported: the lease must be certain for a while yet. */
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
            jdbc.update("delete from job_lease where job_id = ? and owner = ?", statement -> {
                statement.set(1, jobId);
                statement.set(2, owner);
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
            List<String> renewed = jdbc.query("""
                            update job_lease set expires_at = now() + ?::interval
                            where job_id = any(?) and owner = ? and expires_at > now() returning job_id""",
                    statement -> {
                        statement.set(1, ttl.toMillis() + " milliseconds");
                        statement.set(2, jobs);
                        statement.set(3, owner);
                    },
                    row -> row.getString(1));
            renewed.forEach(job -> held.computeIfPresent(job, (id, hold) -> new Hold(hold.count(), asked.plus(ttl))));
        } catch (RuntimeException e) {
            // Not renewed: the holds run out and ensureHeld stops the work, which is what must happen then
            LOG.warnf("could not renew the job leases: %s", e.getMessage());
        }
    }

    private boolean tryAcquire(String jobId) {
        return !jdbc.query("""
                        insert into job_lease (job_id, owner, expires_at)
                        values (?, ?, now() + ?::interval)
                        on conflict (job_id) do update set owner = excluded.owner, expires_at = excluded.expires_at
                        where job_lease.owner = excluded.owner or job_lease.expires_at < now()
                        returning owner""",
                statement -> {
                    statement.set(1, jobId);
                    statement.set(2, owner);
                    statement.set(3, ttl.toMillis() + " milliseconds");
                },
                row -> row.getString(1)).isEmpty();
    }
}

package org.opensync.provisioner.cds;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;
import org.opensync.provisioner.ProvisionerConfig;

/**
 * One provisioner instance at a time per job. Kafka gives each job's partition to one consumer, but after a
 * rebalance the former owner may still be exporting a batch while the new owner reads it again: both would create
 * the objects that have nothing unique to match on (groups). A lease in the service's database decides; the new
 * owner waits until the former one released the job or its lease expired, and an instance stops exporting a job
 * whose lease it can no longer be sure of (checked before each object).
 */
@ApplicationScoped
public class JobLeases {
    private static final Logger LOG = Logger.getLogger(JobLeases.class);
    private static final Duration FIRST_WAIT = Duration.ofMillis(200);
    private static final Duration LONGEST_WAIT = Duration.ofSeconds(5);

    /** Thrown when the instance cannot be sure it still holds the job's lease: its work must stop. */
    public static final class LeaseLostException extends RuntimeException {
        LeaseLostException(String jobId) {
            super("this instance no longer holds the lease of job " + jobId);
        }
    }

    private final Jdbc jdbc;
    private final Duration ttl;
    private final String owner = UUID.randomUUID().toString();
    private final Map<String, Instant> held = new ConcurrentHashMap<>();

    @Inject
    public JobLeases(AgroalDataSource dataSource, ProvisionerConfig config) {
        this.jdbc = new Jdbc(dataSource);
        this.ttl = config.jobLease();
    }

    /** Takes or renews the job's lease, waiting while another instance holds it. */
    public void acquire(String jobId) throws InterruptedException {
        Duration wait = FIRST_WAIT;
        while (true) {
            Instant asked = Instant.now();
            if (tryAcquire(jobId)) {
                // Counted from before the request: the database's expiry is later, never earlier
                held.put(jobId, asked.plus(ttl));
                return;
            }
            LOG.debugf("job %s is worked by another provisioner instance; waiting %s", jobId, wait);
            Thread.sleep(wait.toMillis());
            wait = wait.multipliedBy(2).compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait.multipliedBy(2);
        }
    }

    /** Before an object is exported: the lease must still be ours, with a margin for the work. */
    public void ensureHeld(String jobId) {
        Instant until = held.get(jobId);
        if (until == null || Instant.now().isAfter(until.minus(ttl.dividedBy(4)))) {
            throw new LeaseLostException(jobId);
        }
    }

    /** The job's share of the batch is done and nothing of it still runs: another instance may take the job. */
    public void release(String jobId) {
        held.remove(jobId);
        jdbc.update("delete from job_lease where job_id = ? and owner = ?", statement -> {
            statement.set(1, jobId);
            statement.set(2, owner);
        });
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

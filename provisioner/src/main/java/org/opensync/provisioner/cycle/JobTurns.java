package org.opensync.provisioner.cycle;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.opensync.common.lease.JobLeases;

/**
 * Whose turn it is to work a job: one piece of work at a time per job in this instance (a batch of the cycle, or an
 * object provisioned on demand), and one instance at a time across instances (the job's lease). Leases are counted
 * per instance, so the lease alone would let on-demand work run beside a batch of the same instance. A turn ends on
 * the thread that took it. There is one lock per job this instance works.
 */
@ApplicationScoped
public class JobTurns {
    private static final Duration FIRST_WAIT = Duration.ofMillis(50);
    private static final Duration LONGEST_WAIT = Duration.ofMillis(500);

    private final JobLeases leases;
    private final JobWorkers workers;
    private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();

    @Inject
    public JobTurns(JobLeases leases, JobWorkers workers) {
        this.leases = leases;
        this.workers = workers;
    }

    /** Waits as long as it takes: a cycle's batch must be worked eventually. */
    void take(String jobId) throws InterruptedException {
        ReentrantLock lock = lock(jobId);
        lock.lockInterruptibly();
        try {
            leases.acquire(jobId);
        } catch (InterruptedException | RuntimeException e) {
            lock.unlock();
            throw e;
        }
    }

    /** @return false when the job was not free within {@code wait}; then nothing is held */
    public boolean tryTake(String jobId, Duration wait) throws InterruptedException {
        Instant deadline = Instant.now().plus(wait);
        ReentrantLock lock = lock(jobId);
        if (!lock.tryLock(wait.toMillis(), TimeUnit.MILLISECONDS)) {
            return false;
        }
        try {
            Duration pause = FIRST_WAIT;
            while (!leases.tryAcquire(jobId)) {
                if (Instant.now().plus(pause).isAfter(deadline)) {
                    lock.unlock();
                    return false;
                }
                Thread.sleep(pause.toMillis());
                pause = pause.multipliedBy(2).compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : pause.multipliedBy(2);
            }
            return true;
        } catch (InterruptedException | RuntimeException e) {
            lock.unlock();
            throw e;
        }
    }

    public void give(String jobId) {
        try {
            leases.release(jobId);
        } finally {
            lock(jobId).unlock();
        }
    }

    /** An object a cycle's export still works on after its batch ended (a slow target). */
    public boolean busy(String jobId, String anchor) {
        return workers.busy(jobId, anchor);
    }

    private ReentrantLock lock(String jobId) {
        return locks.computeIfAbsent(jobId, id -> new ReentrantLock(true));
    }
}

package org.opensync.provisioner.cycle;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.opensync.common.events.Topics;
import org.opensync.common.lease.JobLeases;

/**
 * Whose turn it is to work a slice of a job ({@link JobSlice}): one piece of work at a time per slice in this
 * instance, and one instance at a time across instances (the slice's lease). Leases are counted per instance, so the
 * lease alone would let two threads of an instance work a slice at once. Work that concerns the whole job (the end of
 * a cycle, a restart's reset, an object provisioned on demand) takes the turn of every slice, in partition order, so
 * that two instances taking several never wait for each other. A turn ends on the thread that took it. There is one
 * lock per slice this instance works.
 */
@ApplicationScoped
public class JobTurns {
    private static final Duration FIRST_WAIT = Duration.ofMillis(50);
    private static final Duration LONGEST_WAIT = Duration.ofMillis(500);

    private final JobLeases leases;
    private final JobWorkers workers;
    private final Publisher publisher;
    private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();

    @Inject
    public JobTurns(JobLeases leases, JobWorkers workers, Publisher publisher) {
        this.leases = leases;
        this.workers = workers;
        this.publisher = publisher;
    }

    /** Waits as long as it takes: a cycle's batch must be worked eventually. */
    public void take(JobSlice slice) throws InterruptedException {
        ReentrantLock lock = lock(slice);
        lock.lockInterruptibly();
        try {
            leases.acquire(slice.lease());
        } catch (InterruptedException | RuntimeException e) {
            lock.unlock();
            throw e;
        }
    }

    /** Ends the turn this thread has on the slice (if it has one: a turn it could not take again is not held). */
    public void give(JobSlice slice) {
        ReentrantLock lock = lock(slice);
        if (!lock.isHeldByCurrentThread()) {
            return;
        }
        try {
            leases.release(slice.lease());
        } finally {
            lock.unlock();
        }
    }

    /**
     * Runs whole-job work from within the turn of one of the job's slices: that turn is given up meanwhile, or two
     * instances each holding a slice could wait for each other's, and taken again afterwards.
     */
    <T> T wholeJobFrom(JobSlice own, Supplier<T> work) throws InterruptedException {
        give(own);
        try {
            List<JobSlice> slices = slices(own.jobId());
            for (int i = 0; i < slices.size(); i++) {
                try {
                    take(slices.get(i));
                } catch (InterruptedException | RuntimeException e) {
                    giveAll(slices.subList(0, i));
                    throw e;
                }
            }
            try {
                return work.get();
            } finally {
                giveAll(slices);
            }
        } finally {
            take(own);
        }
    }

    /**
     * The turn of every slice of the job, for whole-job work that does not come from a slice (on demand).
     *
     * @return the slices taken, to {@link #giveAll}; empty when the job was not free within {@code wait}, and then
     *         nothing is held
     */
    public List<JobSlice> tryTakeAll(String jobId, Duration wait) throws InterruptedException {
        Instant deadline = Instant.now().plus(wait);
        List<JobSlice> slices = slices(jobId);
        for (int i = 0; i < slices.size(); i++) {
            boolean taken;
            try {
                taken = tryTake(slices.get(i), Duration.between(Instant.now(), deadline));
            } catch (InterruptedException | RuntimeException e) {
                giveAll(slices.subList(0, i));
                throw e;
            }
            if (!taken) {
                giveAll(slices.subList(0, i));
                return List.of();
            }
        }
        return slices;
    }

    public void giveAll(List<JobSlice> slices) {
        for (int i = slices.size() - 1; i >= 0; i--) {
            give(slices.get(i));
        }
    }

    /** An object a cycle's export still works on after its batch ended (a slow target). */
    public boolean busy(String jobId, String anchor) {
        return workers.busy(jobId, anchor);
    }

    /** The leases under which whole-job work runs, which its exports keep while they go on past their batch. */
    List<String> leases(String jobId) {
        return slices(jobId).stream().map(JobSlice::lease).toList();
    }

    private boolean tryTake(JobSlice slice, Duration wait) throws InterruptedException {
        Instant deadline = Instant.now().plus(wait);
        ReentrantLock lock = lock(slice);
        if (!lock.tryLock(Math.max(0, wait.toMillis()), TimeUnit.MILLISECONDS)) {
            return false;
        }
        try {
            Duration pause = FIRST_WAIT;
            while (!leases.tryAcquire(slice.lease())) {
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

    private List<JobSlice> slices(String jobId) {
        int partitions = publisher.partitions(Topics.OBJECT_CHANGES);
        List<JobSlice> slices = new ArrayList<>(partitions);
        for (int partition = 0; partition < partitions; partition++) {
            slices.add(new JobSlice(jobId, partition));
        }
        return slices;
    }

    private ReentrantLock lock(JobSlice slice) {
        return locks.computeIfAbsent(slice.lease(), name -> new ReentrantLock(true));
    }
}

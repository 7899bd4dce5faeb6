package org.opensync.provisioner.cycle;

import io.opentelemetry.context.Context;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.opensync.common.events.ObjectChange;
import org.opensync.common.lease.JobLeases;
import org.opensync.common.mirror.MirrorConsumers;
import org.opensync.provisioner.ProvisionerConfig;

/**
 * Each job's own worker threads, and a time budget per job and batch: a slow or hanging target occupies only its
 * job's workers, and when the budget is spent the objects not done are handed back (to be escrowed) so that the batch
 * can be committed and the other jobs go on. A task still running then goes on in the background; its object counts
 * as busy until it ends, so no second task works the same object meanwhile. No object is started unless this
 * instance holds the leases of the work ({@link JobLeases}): its slice's, or every slice's for whole-job work.
 */
@ApplicationScoped
public class JobWorkers {
    private static final int NOT_STARTED = 0;
    private static final int RUNNING = 1;
    private static final int HANDED_BACK = 2;
    private static final int DONE = 3;

    private final int parallelism;
    private final Duration budget;
    private final Map<String, ExecutorService> pools = new ConcurrentHashMap<>();
    private final Set<String> busy = ConcurrentHashMap.newKeySet();

    private final JobLeases leases;

    @Inject
    public JobWorkers(ProvisionerConfig config, JobLeases leases) {
        this.parallelism = config.parallelism();
        this.budget = config.jobBatchBudget();
        this.leases = leases;
    }

    void stop(@Observes ShutdownEvent shutdown) {
        pools.values().forEach(ExecutorService::shutdownNow);
    }

    void forget(@Observes MirrorConsumers.JobRemoved removed) {
        ExecutorService pool = pools.remove(removed.jobId());
        if (pool != null) {
            pool.shutdown();
        }
    }

    /** When the job's share of a batch that starts now must be done. */
    Instant deadline() {
        return Instant.now().plus(budget);
    }

    /** Whether an earlier task, past its deadline, still works this object. */
    boolean busy(String jobId, String anchor) {
        return busy.contains(jobId + "\n" + anchor);
    }

    /**
     * Runs {@code work} for each change on the job's workers and waits for them until the deadline; the changes not
     * done by then go to {@code late}, on this thread. A failed task fails the whole call, after the others ended.
     *
     * @param held the leases the caller holds for this work; a task past the deadline keeps them until it ends
     */
    void forEach(String jobId, List<String> held, Instant deadline, List<ObjectChange.ObjectChanged> changes,
                 Consumer<ObjectChange.ObjectChanged> work, Consumer<ObjectChange.ObjectChanged> late) {
        ExecutorService pool = pools.computeIfAbsent(jobId, this::pool);
        List<Task> tasks = new ArrayList<>(changes.size());
        for (ObjectChange.ObjectChanged change : changes) {
            Task task = new Task(jobId, held, change);
            task.future = pool.submit(() -> task.run(object -> {
                held.forEach(leases::ensureHeld);
                work.accept(object);
            }));
            tasks.add(task);
        }
        RuntimeException failure = null;
        for (Task task : tasks) {
            try {
                long left = Math.max(0, Duration.between(Instant.now(), deadline).toMillis());
                task.future.get(left, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                if (task.handBack()) {
                    late.accept(task.change);
                }
            } catch (InterruptedException e) {
                // The instance is stopping (e.g. a rolling deployment): the batch ends and gives its turn back, but
                // the exports under way go on until the target answers. As past the deadline, they keep the job's
                // lease until they end, or another instance would create the same objects meanwhile.
                tasks.forEach(Task::handBack);
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while provisioning", e);
            } catch (ExecutionException e) {
                failure = failure != null ? failure
                        : new IllegalStateException("provisioning an object failed unexpectedly", e.getCause());
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private ExecutorService pool(String jobId) {
        AtomicInteger count = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(parallelism, parallelism, 60, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), runnable -> {
                    Thread thread = new Thread(runnable, "provisioning-" + jobId + "-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        pool.allowCoreThreadTimeOut(true);
        // an object's export continues the trace of the batch that brought it (its target requests carry it)
        return Context.taskWrapping(pool);
    }

    /** One object's work, which either runs or is handed back, never both. */
    private final class Task {
        private final List<String> held;
        private final String key;
        private final ObjectChange.ObjectChanged change;
        private final AtomicInteger state = new AtomicInteger(NOT_STARTED);
        private Future<?> future;

        Task(String jobId, List<String> held, ObjectChange.ObjectChanged change) {
            this.held = held;
            this.key = jobId + "\n" + change.anchor();
            this.change = change;
        }

        void run(Consumer<ObjectChange.ObjectChanged> work) {
            if (!state.compareAndSet(NOT_STARTED, RUNNING)) {
                return;
            }
            try {
                work.accept(change);
            } finally {
                state.set(DONE);
                if (busy.remove(key)) {
                    held.forEach(leases::release);
                }
            }
        }

        /**
         * Past the deadline: a task not started never will; a running one goes on, its object busy until it ends.
         * Returns whether the change must be handed back (the task had not ended).
         */
        boolean handBack() {
            if (state.compareAndSet(NOT_STARTED, HANDED_BACK)) {
                future.cancel(false);
                return true;
            }
            // Still exporting: it keeps a hold on the leases until it ends, so no other instance starts on its objects
            for (int i = 0; i < held.size(); i++) {
                if (!leases.retain(held.get(i))) {
                    held.subList(0, i).forEach(leases::release);
                    return true;
                }
            }
            busy.add(key);
            if (state.get() == DONE && busy.remove(key)) {
                held.forEach(leases::release);
                return false;
            }
            return true;
        }
    }
}

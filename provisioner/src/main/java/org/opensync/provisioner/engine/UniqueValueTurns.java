package org.opensync.provisioner.engine;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.opensync.common.mirror.MirrorConsumers;

/**
 * Creations that choose a value with {@code SelectUniqueValue} take turns within a job: each asks the target which
 * candidates are free and then creates the object, so two exports of the same cycle at once would both find the
 * same candidate free and one of them would be refused. One instance works a job at a time, so a turn in this JVM
 * is enough. Each job has a lock of its own, so a slow target holds up only its own job's creations; a deleted job's
 * lock is dropped.
 */
@ApplicationScoped
public class UniqueValueTurns {
    private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();

    public <T> T inTurn(String jobId, Supplier<T> work) {
        ReentrantLock lock = locks.computeIfAbsent(jobId, id -> new ReentrantLock());
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }

    void forget(@Observes MirrorConsumers.JobRemoved removed) {
        locks.remove(removed.jobId());
    }
}

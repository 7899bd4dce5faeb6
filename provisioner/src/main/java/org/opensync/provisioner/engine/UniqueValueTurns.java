package org.opensync.provisioner.engine;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import java.util.stream.IntStream;

/**
 * Creations that choose a value with {@code SelectUniqueValue} take turns within a job: each asks the target which
 * candidates are free and then creates the object, so two exports of the same cycle at once would both find the
 * same candidate free and one of them would be refused. One instance works a job at a time, so a turn in this JVM
 * is enough. A fixed set of locks, picked by the job id's hash, bounds the memory whatever the number of jobs; two
 * jobs sharing a lock only wait for each other's such creations.
 */
@ApplicationScoped
public class UniqueValueTurns {
    private static final int LOCKS = 64;

    private final ReentrantLock[] locks = IntStream.range(0, LOCKS).mapToObj(i -> new ReentrantLock())
            .toArray(ReentrantLock[]::new);

    public <T> T inTurn(String jobId, Supplier<T> work) {
        ReentrantLock lock = locks[Math.floorMod(jobId.hashCode(), LOCKS)];
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }
}

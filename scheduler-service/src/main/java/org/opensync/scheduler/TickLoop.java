package org.opensync.scheduler;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Sleeps until the next schedule falls due (at most {@code max-idle}, so due times set by other instances are seen),
 * or until a command changed a schedule, then lets {@link TickEmitter} emit what is due.
 */
@ApplicationScoped
public class TickLoop {
    private static final Logger LOG = Logger.getLogger(TickLoop.class);

    private final TickEmitter emitter;
    private final SchedulerConfig config;
    private final Semaphore wakeUp = new Semaphore(0);
    private volatile boolean running;
    private volatile Instant lastIteration = Instant.now();
    private Thread thread;

    @Inject
    public TickLoop(TickEmitter emitter, SchedulerConfig config) {
        this.emitter = emitter;
        this.config = config;
    }

    void start(@Observes StartupEvent startup) {
        running = true;
        thread = new Thread(this::run, "tick-loop");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        running = false;
        wakeUp.release();
        if (thread != null) {
            thread.join(Duration.ofSeconds(10).toMillis());
        }
    }

    void onScheduleChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) ScheduleChanged changed) {
        wakeUp.release();
    }

    /** For the liveness check: a loop that stopped iterating would stop every job. */
    public Instant lastIteration() {
        return lastIteration;
    }

    private void run() {
        while (running) {
            lastIteration = Instant.now();
            try {
                if (emitter.emitDue() < config.batchSize()) {
                    sleepUntil(emitter.nextDue());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.warnf("tick loop iteration failed, retrying: %s", e.toString());
                sleepQuietly();
            }
        }
    }

    private void sleepUntil(Instant nextDue) throws InterruptedException {
        long idle = config.maxIdle().toMillis();
        long wait = nextDue == null ? idle : Math.min(idle, Duration.between(Instant.now(), nextDue).toMillis());
        if (wait > 0 && wakeUp.tryAcquire(wait, TimeUnit.MILLISECONDS)) {
            wakeUp.drainPermits();
        }
    }

    private void sleepQuietly() {
        try {
            Thread.sleep(config.maxIdle().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

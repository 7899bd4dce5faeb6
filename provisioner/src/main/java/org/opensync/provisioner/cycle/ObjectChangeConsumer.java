package org.opensync.provisioner.cycle;

import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.opensync.common.kafka.EventRecords;
import org.opensync.common.events.ObjectChange;
import org.opensync.common.events.UnreadableEventException;
import org.opensync.common.inbox.EventConsumer;
import org.opensync.common.kafka.DeadLetters;
import org.opensync.provisioner.ProvisionerConfig;
import org.opensync.provisioner.cds.ObjectChangeAssembly;
import org.opensync.provisioner.cds.RunningCycles;

/**
 * Consumes {@code sync.object-changes} in batches and hands each job's changes of each partition (the job's slices,
 * {@link JobSlice}), in order, to the {@link CycleProcessor}; the slices of a batch are worked at the same time, each
 * within its job's time budget, so that one job's slow target does not hold back the others, and each in the slice's
 * turn ({@link JobTurns}). Offsets are committed after a batch is done (and its records published), so a stopped
 * provisioner processes the unfinished batch again; links in the connector data store make that a no-op for the
 * objects already done. Objects sent in parts are worked once their last part arrived ({@link ObjectChangeAssembly}).
 */
@ApplicationScoped
public class ObjectChangeConsumer {
    private final CycleProcessor processor;
    private final Publisher publisher;
    private static final String CONSUMER = ObjectChangeAssembly.CONSUMER;

    private final DeadLetters deadLetters;
    private final EventConsumer retrying;
    private final RunningCycles runningCycles;
    private final JobTurns turns;
    private final ObjectChangeAssembly assembly;
    private final ExecutorService jobs;

    @Inject
    public ObjectChangeConsumer(CycleProcessor processor, Publisher publisher, DeadLetters deadLetters,
                                EventConsumer retrying, RunningCycles runningCycles, JobTurns turns,
                                ObjectChangeAssembly assembly, ProvisionerConfig config) {
        this.assembly = assembly;
        this.processor = processor;
        this.retrying = retrying;
        this.turns = turns;
        this.publisher = publisher;
        this.deadLetters = deadLetters;
        this.runningCycles = runningCycles;
        this.jobs = Executors.newFixedThreadPool(config.concurrentJobs(), runnable -> {
            Thread thread = new Thread(runnable, "provisioning-job");
            thread.setDaemon(true);
            return thread;
        });
    }

    void stop(@Observes ShutdownEvent shutdown) {
        jobs.shutdownNow();
    }

    /**
     * Undecodable records go to the dead-letter topic; each job's share is retried in place while the database or
     * the broker fails (a re-run is a no-op for what was done), and the offsets move only once every record the
     * batch produced was acknowledged.
     */
    @Incoming("object-changes")
    @Blocking
    public void onBatch(ConsumerRecords<String, String> records) throws InterruptedException {
        Map<JobSlice, List<ObjectChange>> bySlice = new LinkedHashMap<>();
        Map<JobSlice, List<ConsumerRecord<String, String>>> recordsBySlice = new LinkedHashMap<>();
        for (ConsumerRecord<String, String> record : records) {
            try {
                ObjectChange change = EventRecords.decode(record, ObjectChange.class);
                JobSlice slice = new JobSlice(change.jobId(), record.partition());
                bySlice.computeIfAbsent(slice, job -> new ArrayList<>()).add(change);
                recordsBySlice.computeIfAbsent(slice, job -> new ArrayList<>()).add(record);
            } catch (UnreadableEventException e) {
                retrying.untilDone(CONSUMER, "dead-lettering " + record.topic() + "-" + record.partition() + "@"
                        + record.offset(), () -> {
                    deadLetters.send(record, e.getMessage(), CONSUMER);
                    return null;
                });
            }
        }
        List<Future<?>> running = new ArrayList<>();
        // each slice's share in the trace of the cycle that read it (its records' traceparent)
        bySlice.forEach((slice, changes) -> running.add(jobs.submit(() -> retrying.traced(CONSUMER,
                recordsBySlice.get(slice), () -> retrying.untilDone(CONSUMER, "job " + slice.jobId() + ", partition "
                        + slice.partition() + ": " + changes.size() + " object changes", () -> work(slice, changes))))));
        for (Future<?> job : running) {
            try {
                job.get();
            } catch (ExecutionException e) {
                throw new IllegalStateException("a slice's share of the batch failed", e.getCause());
            }
        }
        retrying.untilDone(CONSUMER, "publishing the batch's records", () -> {
            publisher.flush();
            runningCycles.purgeFinished();
            return null;
        });
    }

    private Void work(JobSlice slice, List<ObjectChange> changes) {
        try {
            turns.take(slice);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the lease of " + slice.lease(), e);
        }
        try {
            ObjectChangeAssembly.Assembled whole = assembly.assemble(slice.jobId(), changes);
            processor.processIsolated(slice, whole.changes());
            assembly.worked(slice.jobId(), whole);
        } finally {
            turns.give(slice);
        }
        return null;
    }
}

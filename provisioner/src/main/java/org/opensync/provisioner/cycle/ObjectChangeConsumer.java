package org.opensync.provisioner.cycle;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.opensync.common.events.EventCodec;
import org.opensync.common.events.ObjectChange;
import org.opensync.common.events.UnreadableEventException;
import org.opensync.common.kafka.DeadLetters;
import org.opensync.provisioner.cds.RunningCycles;

/**
 * Consumes {@code sync.object-changes} in batches and hands each job's consecutive changes to the
 * {@link CycleProcessor}. Offsets are committed after a batch is done (and its records published), so a stopped
 * provisioner processes the unfinished batch again; links in the connector data store make that a no-op for the
 * objects already done.
 */
@ApplicationScoped
public class ObjectChangeConsumer {
    private final CycleProcessor processor;
    private final Publisher publisher;
    private final DeadLetters deadLetters;
    private final RunningCycles runningCycles;

    @Inject
    public ObjectChangeConsumer(CycleProcessor processor, Publisher publisher, DeadLetters deadLetters,
                                RunningCycles runningCycles) {
        this.processor = processor;
        this.publisher = publisher;
        this.deadLetters = deadLetters;
        this.runningCycles = runningCycles;
    }

    @Incoming("object-changes")
    @Blocking
    public void onBatch(ConsumerRecords<String, String> records) {
        String jobId = null;
        List<ObjectChange> run = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            ObjectChange change;
            try {
                change = EventCodec.decode(record.value(), ObjectChange.class);
            } catch (UnreadableEventException e) {
                deadLetters.send(record, e.getMessage());
                continue;
            }
            if (jobId != null && !jobId.equals(change.jobId())) {
                processor.processIsolated(jobId, run);
                run = new ArrayList<>();
            }
            jobId = change.jobId();
            run.add(change);
        }
        if (jobId != null) {
            processor.processIsolated(jobId, run);
        }
        publisher.flush();
        runningCycles.purgeFinished();
    }
}

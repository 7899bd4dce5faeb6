package org.opensync.changedetector.cycle;

import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.errors.RetriableException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.opensync.changedetector.ChangeDetectorConfig;
import org.opensync.common.events.Event;
import org.opensync.common.events.JobScopedEvent;
import org.opensync.common.events.ObjectChange;
import org.opensync.common.events.ObjectChangeParts;
import org.opensync.common.events.SourceChanged;
import org.opensync.common.events.Topics;
import org.opensync.common.kafka.EventRecords;
import org.opensync.common.kafka.KafkaProducers;

/**
 * Publishes a cycle's records straight to Kafka (no outbox: a full read produces one record per object). Whatever
 * a cycle remembers about a record it learns from the record's completion callback, so only what Kafka acknowledged
 * is ever remembered as published, and the consumers are idempotent. Object changes go to the partition of their
 * job id, whatever their key, so a job's markers and objects stay in order; or, when jobs' changes are spread, each
 * object to the partition of its key (job id and anchor) and a copy of each cycle marker, naming how many partitions
 * the cycle is spread over, to every partition, so that each partition's share is in order between its markers and
 * the provisioner knows when every share was read. An object change larger than a record
 * may be (a group with tens of thousands of members) is sent as consecutive parts that each fit
 * ({@link ObjectChangeParts}); it counts as published when Kafka acknowledged every part.
 */
@ApplicationScoped
public class ChangePublisher {
    private static final Logger LOG = Logger.getLogger(ChangePublisher.class);
    private final KafkaProducer<String, String> producer;
    private final int valueLimit;
    private final boolean spread;

    @Inject
    public ChangePublisher(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
                           @ConfigProperty(name = "quarkus.application.name") String applicationName,
                           ChangeDetectorConfig config) {
        this(kafkaConfig, applicationName, config.spreadJobChanges());
    }

    ChangePublisher(Map<String, Object> kafkaConfig, String applicationName, boolean spread) {
        this.producer = KafkaProducers.create(kafkaConfig, applicationName + "-changes");
        this.valueLimit = KafkaProducers.valueLimit(kafkaConfig);
        this.spread = spread;
    }

    void close(@Observes ShutdownEvent shutdown) {
        producer.close();
    }

    /** The sends of one cycle. */
    public Batch batch() {
        return new Batch();
    }

    /**
     * Sends a source's doorbell without waiting for Kafka. Nothing depends on it: a bell Kafka did not take only
     * means that the job's next cycle comes with its next tick, which reads the same changes.
     */
    public void hint(SourceChanged bell) {
        producer.send(EventRecords.of(Topics.SOURCE_CHANGES, null, bell), (metadata, error) -> {
            if (error != null) {
                LOG.debugf("job %s: the source's bell was not published (%s); the next tick reads its changes",
                        bell.jobId(), error.getMessage());
            }
        });
    }

    /** Tracks failures rather than futures, so a cycle of any size needs constant memory. */
    public final class Batch {
        private final AtomicLong failures = new AtomicLong();
        private final AtomicReference<String> firstFailure = new AtomicReference<>();
        private final AtomicBoolean brokerTrouble = new AtomicBoolean();
        /** The partitions of sync.object-changes, as the cycle's first record found them. */
        private int partitions;

        public void objectChange(JobScopedEvent change) {
            objectChange(change, null);
        }

        /** @param onCompletion told how Kafka answered (may be null), from the producer's I/O thread */
        public void objectChange(JobScopedEvent change, Callback onCompletion) {
            if (partitions == 0) {
                partitions = producer.partitionsFor(Topics.OBJECT_CHANGES).size();
            }
            if (spread && change instanceof ObjectChange.CycleBegan began) {
                everyPartition(began.withSlices(partitions), onCompletion);
                return;
            }
            if (spread && change instanceof ObjectChange.CycleReadCompleted completed) {
                everyPartition(completed.withSlices(partitions), onCompletion);
                return;
            }
            int partition = spread && change instanceof ObjectChange.ObjectChanged object
                    ? ObjectChange.partitionOf(object.jobId(), object.anchor(), partitions)
                    : ObjectChange.partitionOf(change.jobId(), partitions);
            List<? extends JobScopedEvent> records = change instanceof ObjectChange.ObjectChanged object
                    ? ObjectChangeParts.split(object, valueLimit) : List.of(change);
            Callback completion = records.size() > 1 && onCompletion != null
                    ? allOf(records.size(), onCompletion) : onCompletion;
            records.forEach(record -> send(Topics.OBJECT_CHANGES, partition, record, completion));
        }

        private void everyPartition(JobScopedEvent marker, Callback onCompletion) {
            Callback completion = onCompletion != null ? allOf(partitions, onCompletion) : null;
            for (int partition = 0; partition < partitions; partition++) {
                send(Topics.OBJECT_CHANGES, partition, marker, completion);
            }
        }

        public void jobEvent(Event event) {
            send(Topics.JOB_EVENTS, null, event, null);
        }

        /**
         * Waits until Kafka answered every record sent so far (their callbacks have run). Fails at once when the
         * broker is in trouble (timeouts, missing replicas), as every record after would fail too; a record refused
         * for itself (too large) lets the cycle go on, so that it does not hold back every object read after it,
         * and fails the cycle in {@link #awaitAcknowledgements()}.
         */
        public void flush() {
            producer.flush();
            if (brokerTrouble.get()) {
                throw unacknowledged();
            }
        }

        /** Waits until Kafka answered every record sent so far; fails if any could not be written. */
        public void awaitAcknowledgements() {
            producer.flush();
            if (failures.get() > 0) {
                throw unacknowledged();
            }
        }

        private CycleFailure unacknowledged() {
            return new CycleFailure("ChangesNotPublished", "Kafka did not acknowledge " + failures.get()
                    + " record(s) of the cycle, the first: " + firstFailure.get()
                    + "; the next cycle reads and publishes them again.", false);
        }

        private void send(String topic, Integer partition, Event event, Callback onCompletion) {
            producer.send(EventRecords.of(topic, partition, event), (metadata, error) -> {
                if (error != null) {
                    failures.incrementAndGet();
                    brokerTrouble.compareAndSet(false, error instanceof RetriableException);
                    firstFailure.compareAndSet(null, describe(event) + " (" + error.getClass().getSimpleName() + ": "
                            + error.getMessage() + ")");
                }
                if (onCompletion != null) {
                    onCompletion.onCompletion(metadata, error);
                }
            });
        }
    }

    /** Tells {@code onCompletion} once, when all {@code records} completed: with the first error, if any. */
    private static Callback allOf(int records, Callback onCompletion) {
        AtomicInteger left = new AtomicInteger(records);
        AtomicReference<Exception> firstError = new AtomicReference<>();
        return (metadata, error) -> {
            if (error != null) {
                firstError.compareAndSet(null, error);
            }
            if (left.decrementAndGet() == 0) {
                onCompletion.onCompletion(metadata, firstError.get());
            }
        };
    }

    /** Names the object, not its DN or image: either can be larger than the error message may be. */
    private static String describe(Event event) {
        if (event instanceof ObjectChange.ObjectChanged change) {
            return (change.deleted() ? "the deletion of " : "") + change.objectType() + " " + change.anchor()
                    + (change.partial() ? " (part " + change.part() + " of " + change.parts() + ")" : "");
        }
        return event.type();
    }
}

package org.opensync.changedetector.cycle;

import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.utils.Utils;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.opensync.common.events.Event;
import org.opensync.common.events.JobScopedEvent;
import org.opensync.common.events.Topics;
import org.opensync.common.kafka.EventRecords;
import org.opensync.common.kafka.KafkaProducers;

/**
 * Publishes a cycle's records straight to Kafka (no outbox: a full read produces one record per object). A cycle
 * stores its new watermark only after {@link Batch#awaitAcknowledgements()}, so a crash re-reads rather than loses
 * changes, and the consumers are idempotent. Object changes go to the partition of their job id, whatever their
 * key, so a job's markers and objects stay in order.
 */
@ApplicationScoped
public class ChangePublisher {
    private final KafkaProducer<String, String> producer;

    @Inject
    public ChangePublisher(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
                           @ConfigProperty(name = "quarkus.application.name") String applicationName) {
        this.producer = KafkaProducers.create(kafkaConfig, applicationName + "-changes");
    }

    void close(@Observes ShutdownEvent shutdown) {
        producer.close();
    }

    /** The sends of one cycle. */
    public Batch batch() {
        return new Batch();
    }

    /** Tracks failures rather than futures, so a cycle of any size needs constant memory. */
    public final class Batch {
        private final AtomicReference<Exception> failure = new AtomicReference<>();
        private Integer objectChangesPartition;

        public void objectChange(JobScopedEvent change) {
            if (objectChangesPartition == null) {
                int partitions = producer.partitionsFor(Topics.OBJECT_CHANGES).size();
                objectChangesPartition = Utils.toPositive(Utils.murmur2(change.jobId().getBytes())) % partitions;
            }
            send(Topics.OBJECT_CHANGES, objectChangesPartition, change);
        }

        public void jobEvent(Event event) {
            send(Topics.JOB_EVENTS, null, event);
        }

        /** Waits until Kafka has every record sent so far; fails if any could not be written. */
        public void awaitAcknowledgements() {
            producer.flush();
            Exception failed = failure.get();
            if (failed != null) {
                throw new IllegalStateException("Kafka did not acknowledge the cycle's records: " + failed.getMessage(),
                        failed);
            }
        }

        private void send(String topic, Integer partition, Event event) {
            producer.send(EventRecords.of(topic, partition, event), (metadata, error) -> {
                if (error != null) {
                    failure.compareAndSet(null, error);
                }
            });
        }
    }
}

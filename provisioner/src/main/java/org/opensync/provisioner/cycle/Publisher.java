package org.opensync.provisioner.cycle;

import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.opensync.common.events.Event;
import org.opensync.common.events.Topics;
import org.opensync.common.kafka.EventRecords;
import org.opensync.common.kafka.KafkaProducers;

/**
 * The provisioner's records: provisioning logs and cycle outcomes, and dead letters for object changes it cannot
 * read (a batch is consumed as a whole, so a bad record is set aside here rather than failing its neighbours).
 * Delivery is at least once; log records have ids derived from cycle and object, so a replay stores them once.
 */
@ApplicationScoped
public class Publisher {
    private static final Logger LOG = Logger.getLogger(Publisher.class);

    private final KafkaProducer<String, String> producer;

    @Inject
    public Publisher(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
                     @ConfigProperty(name = "quarkus.application.name") String applicationName) {
        this.producer = KafkaProducers.create(kafkaConfig, applicationName + "-events");
    }

    void close(@Observes ShutdownEvent shutdown) {
        producer.close();
    }

    public void send(String topic, Event event) {
        producer.send(EventRecords.of(topic, null, event), (metadata, error) -> {
            if (error != null) {
                LOG.errorf("could not publish %s on %s: %s", event.type(), topic, error.getMessage());
            }
        });
    }

    public void deadLetter(ConsumerRecord<String, String> record, String reason) {
        ProducerRecord<String, String> dead = new ProducerRecord<>(Topics.DEAD_LETTER, record.key(), record.value());
        record.headers().forEach(header -> dead.headers().add(header));
        dead.headers().add("dead-letter-reason", reason.getBytes(StandardCharsets.UTF_8));
        dead.headers().add("dead-letter-topic", record.topic().getBytes(StandardCharsets.UTF_8));
        dead.headers().add("dead-letter-partition", Integer.toString(record.partition()).getBytes(StandardCharsets.UTF_8));
        dead.headers().add("dead-letter-offset", Long.toString(record.offset()).getBytes(StandardCharsets.UTF_8));
        producer.send(dead);
        LOG.errorf("object change at %s-%d@%d sent to %s: %s", record.topic(), record.partition(), record.offset(),
                Topics.DEAD_LETTER, reason);
    }

    /** Waits until everything sent so far is written, before the consumer commits its offsets. */
    public void flush() {
        producer.flush();
    }
}

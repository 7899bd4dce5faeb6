package org.opensync.provisioner.cycle;

import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RetriableException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.opensync.common.events.Event;
import org.opensync.common.kafka.EventRecords;
import org.opensync.common.kafka.KafkaProducers;

/**
 * The provisioner's records: provisioning logs and cycle outcomes. Delivery is at least once; log records have ids
 * derived from cycle and object, so a replay stores them once. A record the broker did not take is sent again by
 * {@link #flush()}, which only returns when everything sent since the last flush was acknowledged: the consumer
 * commits its offsets after it, so a lost record would otherwise be lost for good.
 */
@ApplicationScoped
public class Publisher {
    private static final Logger LOG = Logger.getLogger(Publisher.class);
    private static final int FLUSH_ATTEMPTS = 6;
    private static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);

    private final KafkaProducer<String, String> producer;
    private final Queue<ProducerRecord<String, String>> failed = new ConcurrentLinkedQueue<>();

    @Inject
    public Publisher(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
                     @ConfigProperty(name = "quarkus.application.name") String applicationName) {
        this.producer = KafkaProducers.create(kafkaConfig, applicationName + "-events");
    }

    void close(@Observes ShutdownEvent shutdown) {
        producer.close();
    }

    /** How many partitions the topic has: a job's cycle may be spread over all of them. */
    public int partitions(String topic) {
        return producer.partitionsFor(topic).size();
    }

    public void send(String topic, Event event) {
        send(EventRecords.of(topic, null, event));
    }

    private void send(ProducerRecord<String, String> record) {
        producer.send(record, (metadata, error) -> {
            if (error != null) {
                LOG.warnf("could not publish a record on %s (%s); it is sent again", record.topic(),
                        error.getMessage());
                failed.add(record);
            }
        });
    }

    /**
     * Waits until everything sent so far is acknowledged, sending failed records again with back-off (doubling from
     * one second, {@value #FLUSH_ATTEMPTS} rounds, each after the producer's own retries).
     *
     * @throws KafkaUnavailableException when records are still unacknowledged after that (they are kept for the next
     *                                    flush): the batch must not be committed
     */
    public void flush() {
        Duration backoff = FIRST_BACKOFF;
        for (int round = 1; ; round++) {
            producer.flush();
            if (failed.isEmpty()) {
                return;
            }
            List<ProducerRecord<String, String>> again = new ArrayList<>();
            for (ProducerRecord<String, String> record; (record = failed.poll()) != null; ) {
                again.add(record);
            }
            if (round == FLUSH_ATTEMPTS) {
                failed.addAll(again);
                throw new KafkaUnavailableException(again.size() + " records could not be published on Kafka");
            }
            pause(backoff);
            backoff = backoff.multipliedBy(2);
            again.forEach(this::send);
        }
    }

    /** The broker did not acknowledge records in time: a transient failure, retried by the consumer. */
    public static final class KafkaUnavailableException extends RetriableException {
        KafkaUnavailableException(String message) {
            super(message);
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing", e);
        }
    }
}

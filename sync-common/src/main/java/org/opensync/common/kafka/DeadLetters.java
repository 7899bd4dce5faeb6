package org.opensync.common.kafka;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.opensync.common.events.Topics;

/**
 * Sets aside a record that can never be processed (see {@link FailureKind#POISON}) on {@code sync.dead-letter}, with
 * its key, value and headers plus {@value #REASON}, {@value #TOPIC}, {@value #PARTITION}, {@value #OFFSET} and
 * {@value #CONSUMER}; the send is acknowledged before the caller lets the offset move. {@code bin/dead-letters}
 * lists and replays them ({@link DeadLetterTool}).
 */
@ApplicationScoped
public class DeadLetters {
    private static final Logger LOG = Logger.getLogger(DeadLetters.class);

    public static final String REASON = "dead-letter-reason";
    public static final String TOPIC = "dead-letter-topic";
    public static final String PARTITION = "dead-letter-partition";
    public static final String OFFSET = "dead-letter-offset";
    public static final String CONSUMER = "dead-letter-consumer";

    private final Map<String, Object> kafkaConfig;
    private final String clientId;
    private final MeterRegistry registry;
    private KafkaProducer<String, String> producer;

    @Inject
    public DeadLetters(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
                       @ConfigProperty(name = "quarkus.application.name") String applicationName,
                       MeterRegistry registry) {
        this.kafkaConfig = kafkaConfig;
        this.registry = registry;
        this.clientId = applicationName + "-dead-letters";
    }

    void close(@Observes ShutdownEvent shutdown) {
        synchronized (this) {
            if (producer != null) {
                producer.close();
            }
        }
    }

    public void send(ConsumerRecord<String, String> record, String reason) {
        send(record, reason, null);
    }

    /** @param consumer the consumer (inbox name) that gave up on the record, null when not known */
    public void send(ConsumerRecord<String, String> record, String reason, String consumer) {
        ProducerRecord<String, String> dead = new ProducerRecord<>(Topics.DEAD_LETTER, record.key(), record.value());
        record.headers().forEach(header -> dead.headers().add(header));
        dead.headers().add(TOPIC, utf8(record.topic()));
        dead.headers().add(PARTITION, utf8(Integer.toString(record.partition())));
        dead.headers().add(OFFSET, utf8(Long.toString(record.offset())));
        send(dead, record.topic(), reason, consumer,
                record.topic() + "-" + record.partition() + "@" + record.offset());
    }

    /**
     * Sets aside an event that a consumer kept after its record's offset moved (a stored part of an object sent in
     * parts, say): there is no record to point at, only the event read from {@code topic}.
     */
    public void send(String topic, String key, String value, String reason, String consumer) {
        ProducerRecord<String, String> dead = new ProducerRecord<>(Topics.DEAD_LETTER, key, value);
        dead.headers().add(TOPIC, utf8(topic));
        send(dead, topic, reason, consumer, "an event of " + topic + " for " + key);
    }

    private void send(ProducerRecord<String, String> dead, String origin, String reason, String consumer,
                      String what) {
        dead.headers().add(REASON, utf8(reason == null ? "unknown" : reason));
        if (consumer != null) {
            dead.headers().add(CONSUMER, utf8(consumer));
        }
        try {
            producer().send(dead).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing a dead letter", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not write a dead letter: " + e.getCause().getMessage(), e);
        }
        Counter.builder("opensync.dead.letters").description("Records sent to sync.dead-letter, by original topic")
                .tag("topic", origin).register(registry).increment();
        LOG.errorf("%s sent to %s: %s", what, Topics.DEAD_LETTER, reason);
    }

    /** Created on first use: most services never write a dead letter. */
    private synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            producer = KafkaProducers.create(kafkaConfig, clientId);
        }
        return producer;
    }

    private static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}

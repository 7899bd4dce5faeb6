package org.opensync.testing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;
import org.opensync.common.events.Event;
import org.opensync.common.events.EventHeaders;
import org.opensync.common.kafka.EventRecords;

/** Publishes events to the real broker the way the outbox relay does (same headers), or raw records. */
public final class EventPublisher {
    private static KafkaProducer<String, String> producer;

    private EventPublisher() {
    }

    public static void publish(String topic, Event event) {
        send(EventRecords.of(topic, null, event));
    }

    /** Publishes on the partition {@code partitionKey} hashes to, as change-detector does with a job's changes. */
    public static void publishOnPartitionOf(String topic, String partitionKey, Event event) {
        send(EventRecords.of(topic, partitionOf(topic, partitionKey), event));
    }

    /**
     * Publishes the events in order on the partition {@code partitionKey} hashes to, sent together before waiting for
     * the broker (as change-detector's relay does), so that a consumer polls them as one batch.
     */
    public static void publishTogetherOnPartitionOf(String topic, String partitionKey, List<? extends Event> events) {
        int partition = partitionOf(topic, partitionKey);
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        events.forEach(event -> sent.add(producer().send(EventRecords.of(topic, partition, event))));
        producer().flush();
        sent.forEach(EventPublisher::await);
    }

    /** Publishes on the given partition, as change-detector does with the objects of a cycle spread by anchor. */
    public static void publishOnPartition(String topic, int partition, Event event) {
        send(EventRecords.of(topic, partition, event));
    }

    public static int partitions(String topic) {
        return producer().partitionsFor(topic).size();
    }

    /** The partition the key hashes to, as the producer's default partitioner picks it. */
    public static int partitionOf(String topic, String partitionKey) {
        return Utils.toPositive(Utils.murmur2(partitionKey.getBytes(StandardCharsets.UTF_8)))
                % producer().partitionsFor(topic).size();
    }

    /** Sends a record as given, e.g. a malformed one, with an optional event-id header. */
    public static void publishRaw(String topic, String key, String value, String eventId) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
        if (eventId != null) {
            record.headers().add(EventHeaders.EVENT_ID, eventId.getBytes(StandardCharsets.UTF_8));
        }
        send(record);
    }

    private static synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            Properties props = new Properties();
            props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, InfraEndpoints.kafkaBootstrap());
            props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            producer = new KafkaProducer<>(props);
        }
        return producer;
    }

    private static void send(ProducerRecord<String, String> record) {
        await(producer().send(record));
    }

    private static void await(Future<RecordMetadata> sent) {
        try {
            sent.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot publish", e.getCause());
        }
    }
}

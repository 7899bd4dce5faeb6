package org.opensync.common.kafka;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Idempotent, fully acknowledged producers of JSON strings, configured from the service's {@code kafka.*}. Each
 * producer does its I/O on one network thread; if that thread dies (it did once, of a StackOverflowError while
 * splitting an oversized batch), every send just waits until it times out, so the producers made here are watched:
 * {@link #withDeadNetworkThread()} feeds the liveness check {@code kafka-producers}.
 */
public final class KafkaProducers {
    /** How Kafka names a producer's network thread: this prefix, then the client id. */
    private static final String NETWORK_THREAD = "kafka-producer-network-thread | ";
    private static final Set<String> CREATED = ConcurrentHashMap.newKeySet();
    /** Kafka's default {@code max.request.size}. */
    private static final int DEFAULT_MAX_REQUEST_SIZE = 1024 * 1024;

    private KafkaProducers() {
    }

    public static KafkaProducer<String, String> create(Map<String, Object> kafkaConfig, String clientId) {
        Map<String, Object> config = new HashMap<>(kafkaConfig);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 2);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        KafkaProducer<String, String> producer = new KafkaProducer<>(config);
        CREATED.add(clientId);
        return producer;
    }

    /**
     * The largest record value, in bytes, that producers made from this configuration send: their
     * {@code max.request.size} less room for the key, the headers and the batch framing (5%, at least 4 KiB).
     */
    public static int valueLimit(Map<String, Object> kafkaConfig) {
        Object configured = kafkaConfig.get(ProducerConfig.MAX_REQUEST_SIZE_CONFIG);
        int maxRequestSize = configured == null ? DEFAULT_MAX_REQUEST_SIZE : Integer.parseInt(configured.toString());
        return maxRequestSize - Math.max(4096, maxRequestSize / 20);
    }

    /** Client ids of the producers made here whose network thread no longer runs. */
    public static List<String> withDeadNetworkThread() {
        Set<String> running = Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive)
                .map(Thread::getName).filter(name -> name.startsWith(NETWORK_THREAD))
                .map(name -> name.substring(NETWORK_THREAD.length())).collect(Collectors.toSet());
        return CREATED.stream().filter(clientId -> !running.contains(clientId)).sorted().toList();
    }
}

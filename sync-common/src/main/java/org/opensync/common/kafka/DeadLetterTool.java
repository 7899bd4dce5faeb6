package org.opensync.common.kafka;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * {@code bin/dead-letters}: lists the records on {@code sync.dead-letter} and re-publishes them to the topic they came
 * from. Plain Kafka clients (no Quarkus), reading without a consumer group, so it never moves any offset.
 *
 * <pre>
 * list   [--topic T] [--since 2026-01-01T00:00:00Z|PT2H] [--event-id ID] [--key K] [--max 50]
 * replay [--topic T] [--since …] [--event-id ID] [--key K] [--max N] [--dry-run] [--allow-compacted]
 * common: [--bootstrap-server host:port] (default $KAFKA_BOOTSTRAP_SERVERS, else 127.0.0.1:9092)
 * </pre>
 *
 * A replayed record keeps its key, value and original headers (the {@code dead-letter-*} ones are dropped, a
 * {@value #REPLAYED_FROM} header says where it was taken from) and goes to its original partition, so it stays in
 * order with the job's later records' partition. Consumers deduplicate by {@code event-id}, so replaying twice is
 * harmless. Records of the compacted topics ({@code sync.schemas}, {@code sync.secrets}, {@code sync.job-settings},
 * {@code sync.templates}) are replayed only with {@code --allow-compacted}: an old image could overwrite a newer one
 * in the mirrors.
 */
public final class DeadLetterTool {
    public static final String DEAD_LETTER_TOPIC = "sync.dead-letter";
    public static final String REPLAYED_FROM = "dead-letter-replayed-from";
    private static final Set<String> COMPACTED = Set.of("sync.schemas", "sync.secrets", "sync.job-settings",
            "sync.templates");

    /** Which dead letters a command applies to. */
    public record Selection(String originalTopic, Instant since, String eventId, String key, int max) {
        Predicate<ConsumerRecord<String, String>> predicate() {
            return r -> (originalTopic == null || originalTopic.equals(header(r, DeadLetters.TOPIC)))
                    && (eventId == null || eventId.equals(header(r, "event-id")))
                    && (key == null || key.equals(r.key()));
        }
    }

    private final String bootstrap;

    public DeadLetterTool(String bootstrap) {
        this.bootstrap = bootstrap;
    }

    public static void main(String[] args) {
        if (args.length == 0 || !Set.of("list", "replay").contains(args[0])) {
            System.err.println("""
                    usage: dead-letters list   [--topic T] [--since ISO-8601 instant|duration] [--event-id ID] [--key K] [--max N]
                           dead-letters replay [--topic T] [--since …] [--event-id ID] [--key K] [--max N] [--dry-run] [--allow-compacted]
                           options: --bootstrap-server host:port (default $KAFKA_BOOTSTRAP_SERVERS or 127.0.0.1:9092)""");
            System.exit(2);
        }
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            String name = args[i];
            if (name.equals("--dry-run") || name.equals("--allow-compacted")) {
                options.put(name, "true");
            } else if (name.startsWith("--") && i + 1 < args.length) {
                options.put(name, args[++i]);
            } else {
                System.err.println("unknown argument " + name);
                System.exit(2);
            }
        }
        String env = System.getenv("KAFKA_BOOTSTRAP_SERVERS");
        DeadLetterTool tool = new DeadLetterTool(options.getOrDefault("--bootstrap-server",
                env == null || env.isBlank() ? "127.0.0.1:9092" : env));
        boolean list = args[0].equals("list");
        Selection selection = new Selection(options.get("--topic"), since(options.get("--since")),
                options.get("--event-id"), options.get("--key"),
                Integer.parseInt(options.getOrDefault("--max", list ? "50" : Integer.toString(Integer.MAX_VALUE))));
        if (list) {
            List<ConsumerRecord<String, String>> found = tool.read(selection);
            found.forEach(r -> System.out.println(line(r)));
            System.out.println(found.size() + " dead letter(s)" + (found.size() == selection.max() ? " (--max reached)" : ""));
        } else {
            int replayed = tool.replay(selection, options.containsKey("--dry-run"),
                    options.containsKey("--allow-compacted"), System.out);
            System.out.println(replayed + " record(s) " + (options.containsKey("--dry-run") ? "would be " : "")
                    + "replayed");
        }
    }

    /** The matching dead letters, oldest first per partition, at most {@code selection.max()}. */
    public List<ConsumerRecord<String, String>> read(Selection selection) {
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        Predicate<ConsumerRecord<String, String>> matches = selection.predicate();
        try (KafkaConsumer<String, String> consumer = consumer()) {
            List<TopicPartition> partitions = consumer.partitionsFor(DEAD_LETTER_TOPIC, Duration.ofSeconds(30))
                    .stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            if (selection.since() == null) {
                consumer.seekToBeginning(partitions);
            } else {
                Map<TopicPartition, Long> times = new HashMap<>();
                partitions.forEach(p -> times.put(p, selection.since().toEpochMilli()));
                Map<TopicPartition, OffsetAndTimestamp> offsets = consumer.offsetsForTimes(times);
                partitions.forEach(p -> consumer.seek(p, offsets.get(p) == null ? end.get(p)
                        : offsets.get(p).offset()));
            }
            Map<TopicPartition, Long> remaining = new HashMap<>(end);
            while (found.size() < selection.max()
                    && remaining.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    if (r.offset() < end.get(new TopicPartition(r.topic(), r.partition())) && matches.test(r)
                            && found.size() < selection.max()) {
                        found.add(r);
                    }
                }
            }
        }
        return found;
    }

    /** Re-publishes the matching dead letters to their original topic and partition; returns how many. */
    public int replay(Selection selection, boolean dryRun, boolean allowCompacted, PrintStream out) {
        List<ConsumerRecord<String, String>> found = read(selection);
        int replayed = 0;
        try (KafkaProducer<String, String> producer = dryRun ? null : producer()) {
            for (ConsumerRecord<String, String> dead : found) {
                String topic = header(dead, DeadLetters.TOPIC);
                if (topic == null) {
                    out.println("skipped (no " + DeadLetters.TOPIC + " header): " + line(dead));
                    continue;
                }
                if (COMPACTED.contains(topic) && !allowCompacted) {
                    out.println("skipped (compacted topic, --allow-compacted to replay): " + line(dead));
                    continue;
                }
                ProducerRecord<String, String> again = new ProducerRecord<>(topic,
                        dryRun ? null : partition(producer, topic, header(dead, DeadLetters.PARTITION)),
                        dead.key(), dead.value());
                for (Header h : dead.headers()) {
                    if (!h.key().startsWith("dead-letter-")) {
                        again.headers().add(h);
                    }
                }
                again.headers().add(REPLAYED_FROM, (dead.topic() + "-" + dead.partition() + "@" + dead.offset())
                        .getBytes(StandardCharsets.UTF_8));
                if (!dryRun) {
                    try {
                        producer.send(again).get();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException("interrupted", e);
                    } catch (ExecutionException e) {
                        throw new IllegalStateException("could not replay " + line(dead) + ": "
                                + e.getCause().getMessage(), e.getCause());
                    }
                }
                out.println((dryRun ? "would replay " : "replayed ") + line(dead));
                replayed++;
            }
        }
        return replayed;
    }

    /** The original partition when the topic still has it, else the producer's choice by key. */
    private static Integer partition(KafkaProducer<String, String> producer, String topic, String original) {
        if (original == null) {
            return null;
        }
        int p = Integer.parseInt(original);
        return p < producer.partitionsFor(topic).size() ? p : null;
    }

    static String line(ConsumerRecord<String, String> r) {
        return String.format("%s-%d@%d %s from=%s-%s@%s type=%s event-id=%s key=%s consumer=%s reason=%s",
                r.topic(), r.partition(), r.offset(), Instant.ofEpochMilli(r.timestamp()),
                header(r, DeadLetters.TOPIC), header(r, DeadLetters.PARTITION), header(r, DeadLetters.OFFSET),
                header(r, "event-type"), header(r, "event-id"), r.key(), header(r, DeadLetters.CONSUMER),
                header(r, DeadLetters.REASON));
    }

    static Instant since(String value) {
        if (value == null) {
            return null;
        }
        return value.startsWith("P") || value.startsWith("p") ? Instant.now().minus(Duration.parse(value))
                : Instant.parse(value);
    }

    static String header(ConsumerRecord<String, String> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private KafkaConsumer<String, String> consumer() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "dead-letters-tool");
        return new KafkaConsumer<>(props);
    }

    private KafkaProducer<String, String> producer() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "dead-letters-tool");
        return new KafkaProducer<>(props);
    }
}

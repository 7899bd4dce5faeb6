package org.opensync.common.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * {@code bin/tail-topic}: prints a topic's records as one JSON object per line (topic, partition, offset, time, key,
 * headers, and the value as JSON), for those without Kafka's tools. Reads every partition without a consumer group,
 * so it moves no offset.
 *
 * <pre>
 * tail-topic --topic T [--job JOB_ID] [--from-beginning] [--max N] [--bootstrap-server host:port]
 * </pre>
 *
 * {@code --job} keeps one job's records: those keyed by the job id, and on {@code sync.object-changes} those keyed
 * {@code <job id>:<anchor>}.
 */
public final class TopicTail {
    private static final Duration POLL = Duration.ofMillis(500);

    private TopicTail() {
    }

    public static void main(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--from-beginning")) {
                options.put(args[i], "true");
            } else if (args[i].startsWith("--") && i + 1 < args.length) {
                options.put(args[i], args[++i]);
            } else {
                usage("unexpected argument " + args[i]);
            }
        }
        String topic = options.get("--topic");
        if (topic == null) {
            usage("--topic is required");
        }
        String bootstrap = options.getOrDefault("--bootstrap-server",
                System.getenv().getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092"));
        long max = Long.parseLong(options.getOrDefault("--max", String.valueOf(Long.MAX_VALUE)));
        tail(bootstrap, topic, options.get("--job"), options.containsKey("--from-beginning"), max);
    }

    private static void usage(String problem) {
        System.err.println(problem + "\nusage: tail-topic --topic T [--job JOB_ID] [--from-beginning] [--max N] "
                + "[--bootstrap-server host:port] (default $KAFKA_BOOTSTRAP_SERVERS or 127.0.0.1:9092)");
        System.exit(2);
    }

    private static void tail(String bootstrap, String topic, String job, boolean fromBeginning, long max) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, "tail-topic");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties, new StringDeserializer(),
                new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            if (partitions.isEmpty()) {
                usage("no topic " + topic + " on " + bootstrap);
            }
            consumer.assign(partitions);
            if (fromBeginning) {
                consumer.seekToBeginning(partitions);
            } else {
                consumer.seekToEnd(partitions);
            }
            long printed = 0;
            while (printed < max) {
                for (ConsumerRecord<String, String> record : consumer.poll(POLL)) {
                    if (printed < max && ofJob(record.key(), job)) {
                        System.out.println(line(record));
                        printed++;
                    }
                }
                System.out.flush();
            }
        }
    }

    /** Whether a record key belongs to the job: the job id itself, or the job id and an anchor. */
    static boolean ofJob(String key, String job) {
        return job == null || job.equals(key) || key != null && key.startsWith(job + ":");
    }

    /** One record as a JSON object; a value that is not a JSON object or array is printed as a string. */
    static String line(ConsumerRecord<String, String> record) {
        StringBuilder headers = new StringBuilder();
        for (Header header : record.headers()) {
            headers.append(headers.isEmpty() ? "" : ",").append(string(header.key())).append(':')
                    .append(header.value() == null ? "null"
                            : string(new String(header.value(), StandardCharsets.UTF_8)));
        }
        String value = record.value();
        String trimmed = value == null ? "" : value.strip();
        boolean json = trimmed.startsWith("{") && trimmed.endsWith("}")
                || trimmed.startsWith("[") && trimmed.endsWith("]");
        return "{\"topic\":" + string(record.topic()) + ",\"partition\":" + record.partition()
                + ",\"offset\":" + record.offset() + ",\"timestamp\":" + string(Instant.ofEpochMilli(
                record.timestamp()).toString()) + ",\"key\":" + (record.key() == null ? "null" : string(record.key()))
                + ",\"headers\":{" + headers + "},\"value\":" + (value == null ? "null" : json ? trimmed
                : string(value)) + "}";
    }

    /** A JSON string literal. */
    static String string(String text) {
        StringBuilder json = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> json.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return json.append('"').toString();
    }
}

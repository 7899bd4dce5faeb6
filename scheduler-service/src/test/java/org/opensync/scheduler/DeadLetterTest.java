package org.opensync.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.transaction.Transactional;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opensync.common.events.JobCommand;
import org.opensync.common.events.Topics;
import org.opensync.common.kafka.DeadLetterTool;
import org.opensync.common.kafka.EventRecords;
import org.opensync.testing.EventPublisher;
import org.opensync.testing.InfraEndpoints;
import org.opensync.testing.TopicProbe;

/** Records that can never be processed go to {@code sync.dead-letter}; {@code bin/dead-letters replay} brings them back. */
@QuarkusTest
class DeadLetterTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private TopicProbe deadLetters;
    private TopicProbe ticks;

    @BeforeEach
    void listen() {
        deadLetters = TopicProbe.fromNow(Topics.DEAD_LETTER);
        ticks = TopicProbe.fromNow(Topics.TICKS);
    }

    @AfterEach
    void close() {
        deadLetters.close();
        ticks.close();
    }

    @Test
    void undecodableCommandsAreDeadLetteredWithTheirReasonAndTheNextCommandsStillApply() {
        String jobId = Commands.newJob();
        String notJson = UUID.randomUUID().toString();
        EventPublisher.publishRaw(Topics.JOB_COMMANDS, jobId, "{not json", notJson);
        String newer = UUID.randomUUID().toString();
        EventPublisher.publishRaw(Topics.JOB_COMMANDS, jobId, "{\"eventId\":\"" + newer + "\",\"jobId\":\"" + jobId
                + "\",\"type\":\"JobPaused\",\"version\":7}", newer);
        EventPublisher.publishRaw(Topics.JOB_COMMANDS, jobId, "{\"type\":\"JobPaused\",\"jobId\":\"" + jobId + "\"}",
                null);
        Commands.start(jobId, Duration.ofHours(1));

        List<ConsumerRecord<String, String>> dead = deadLetters.await(TopicProbe.keyed(jobId), 3, WAIT);
        assertThat(dead).allSatisfy(r -> {
            assertThat(TopicProbe.header(r, "dead-letter-topic")).isEqualTo(Topics.JOB_COMMANDS);
            assertThat(TopicProbe.header(r, "dead-letter-consumer")).isEqualTo("scheduler.job-commands");
            assertThat(TopicProbe.header(r, "dead-letter-partition")).isNotBlank();
            assertThat(TopicProbe.header(r, "dead-letter-offset")).isNotBlank();
        });
        assertThat(TopicProbe.header(dead.get(0), "dead-letter-reason")).contains("not a valid JobCommand");
        assertThat(TopicProbe.header(dead.get(1), "dead-letter-reason")).contains("version 7 is newer");
        assertThat(TopicProbe.header(dead.get(2), "dead-letter-reason")).contains("event-id");
        Awaitility.await().atMost(WAIT).until(() -> state(jobId) == JobSchedule.State.Active);
        assertThat(deadLetters.records(TopicProbe.keyed(jobId))).hasSize(3);

        DeadLetterTool tool = new DeadLetterTool(InfraEndpoints.kafkaBootstrap());
        List<ConsumerRecord<String, String>> listed = tool.read(new DeadLetterTool.Selection(Topics.JOB_COMMANDS,
                Instant.now().minus(Duration.ofMinutes(5)), null, jobId, 10));
        assertThat(listed).hasSize(3);
        Commands.delete(jobId);
    }

    /** A command dead-lettered by the old strategy (a database blip) is replayed and takes effect once. */
    @Test
    void replayedDeadLetterIsConsumedFromItsOriginalTopic() throws Exception {
        String jobId = Commands.newJob();
        Awaitility.await().atMost(WAIT).until(() -> state(jobId) == JobSchedule.State.Disabled);
        String startId = UUID.randomUUID().toString();
        ProducerRecord<String, String> original = EventRecords.of(Topics.JOB_COMMANDS, null,
                new JobCommand.JobStarted(startId, Instant.now(), jobId, Duration.ofHours(1)));
        try (KafkaProducer<String, String> producer = producer()) {
            int partition = Utils.toPositive(Utils.murmur2(jobId.getBytes(StandardCharsets.UTF_8)))
                    % producer.partitionsFor(Topics.JOB_COMMANDS).size();
            ProducerRecord<String, String> dead = new ProducerRecord<>(Topics.DEAD_LETTER, jobId, original.value());
            original.headers().forEach(h -> dead.headers().add(h));
            dead.headers().add("dead-letter-reason", utf8("Acquisition timeout while waiting for new connection"));
            dead.headers().add("dead-letter-topic", utf8(Topics.JOB_COMMANDS));
            dead.headers().add("dead-letter-partition", utf8(Integer.toString(partition)));
            dead.headers().add("dead-letter-offset", utf8("0"));
            producer.send(dead).get();
        }
        deadLetters.awaitOne(r -> startId.equals(TopicProbe.header(r, "event-id")), WAIT);
        assertThat(state(jobId)).isEqualTo(JobSchedule.State.Disabled);

        DeadLetterTool tool = new DeadLetterTool(InfraEndpoints.kafkaBootstrap());
        DeadLetterTool.Selection selection = new DeadLetterTool.Selection(Topics.JOB_COMMANDS, null, startId, null,
                Integer.MAX_VALUE);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(tool.replay(selection, true, false, new PrintStream(out, true, StandardCharsets.UTF_8)))
                .isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("would replay").contains("type=JobStarted");
        assertThat(state(jobId)).as("dry run").isEqualTo(JobSchedule.State.Disabled);

        assertThat(tool.replay(selection, false, false, new PrintStream(out, true, StandardCharsets.UTF_8)))
                .isEqualTo(1);
        Awaitility.await().atMost(WAIT).until(() -> state(jobId) == JobSchedule.State.Active);
        assertThat(ticks.awaitOne(TopicProbe.keyed(jobId), WAIT)).isNotNull();

        // replaying again is harmless: the inbox knows the event id, so the old JobStarted (1 h) is not re-applied
        EventPublisher.publish(Topics.JOB_COMMANDS, new JobCommand.JobRescheduled(UUID.randomUUID().toString(),
                Instant.now(), jobId, Duration.ofHours(2), Instant.now().plus(Duration.ofHours(2))));
        Awaitility.await().atMost(WAIT).until(() -> intervalMs(jobId) == Duration.ofHours(2).toMillis());
        assertThat(tool.replay(selection, false, false, new PrintStream(out, true, StandardCharsets.UTF_8)))
                .isEqualTo(1);
        Commands.pause(jobId);
        Awaitility.await().atMost(WAIT).until(() -> state(jobId) == JobSchedule.State.Paused);
        assertThat(intervalMs(jobId)).isEqualTo(Duration.ofHours(2).toMillis());
        Commands.delete(jobId);
    }

    @Transactional
    JobSchedule.State state(String jobId) {
        JobSchedule schedule = JobSchedule.findById(jobId);
        return schedule == null ? null : schedule.state;
    }

    @Transactional
    long intervalMs(String jobId) {
        JobSchedule schedule = JobSchedule.findById(jobId);
        return schedule == null || schedule.intervalMs == null ? -1 : schedule.intervalMs;
    }

    private static KafkaProducer<String, String> producer() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, InfraEndpoints.kafkaBootstrap());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return new KafkaProducer<>(props);
    }

    private static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}

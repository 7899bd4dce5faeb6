package org.opensync.jobapi;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.opensync.common.events.Event;
import org.opensync.common.outbox.Outbox;
import org.opensync.common.outbox.OutboxRelay;
import org.opensync.testing.TopicProbe;

/**
 * An outbox row Kafka can never take (larger than the producer's max.request.size) is moved to outbox_dead with the
 * reason; the rows behind it are published in order, and the dead row shows in the metrics and the health check.
 */
@QuarkusTest
class OutboxDeadRowTest {
    private static final String TOPIC = "sync.test-outbox";

    /** An event for a topic only this test reads. */
    record Probe(String eventId, Instant occurredAt, String key, String filler) implements Event {
    }

    @Inject
    Outbox outbox;

    @Inject
    OutboxRelay relay;

    @Inject
    EntityManager entityManager;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    /** The probe reads the partitions that exist when it starts. */
    private void createTopic() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            if (!admin.listTopics().names().get(30, TimeUnit.SECONDS).contains(TOPIC)) {
                admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Test
    void aRecordTooLargeIsMovedAsideAndTheNextRowsAreDelivered() {
        String key = "outbox-" + UUID.randomUUID();
        Probe huge = new Probe(UUID.randomUUID().toString(), Instant.now(), key, "x".repeat(1_500_000));
        Probe next = new Probe(UUID.randomUUID().toString(), Instant.now(), key, "after");
        Probe last = new Probe(UUID.randomUUID().toString(), Instant.now(), key, "last");
        createTopic();
        try (TopicProbe probe = TopicProbe.fromNow(TOPIC)) {
            QuarkusTransaction.requiringNew().run(() -> {
                outbox.publish(TOPIC, huge);
                outbox.publish(TOPIC, next);
            });
            QuarkusTransaction.requiringNew().run(() -> outbox.publish(TOPIC, last));

            List<ConsumerRecord<String, String>> delivered = probe.await(TopicProbe.keyed(key), 2,
                    Duration.ofSeconds(30));
            assertThat(delivered).extracting(ConsumerRecord::value)
                    .satisfiesExactly(v -> assertThat(v).contains("\"after\""), v -> assertThat(v).contains("\"last\""));

            Object[] dead = QuarkusTransaction.requiringNew().call(() -> (Object[]) entityManager.createNativeQuery(
                            "select event_type, reason, length(payload) from outbox_dead where event_id = ?1")
                    .setParameter(1, huge.eventId()).getSingleResult());
            assertThat(dead[0]).isEqualTo("Probe");
            assertThat((String) dead[1]).contains("RecordTooLargeException");
            assertThat(((Number) dead[2]).intValue()).isGreaterThan(1_500_000);
            long waiting = QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                            "select count(*) from outbox_event where event_id in (?1, ?2, ?3)")
                    .setParameter(1, huge.eventId()).setParameter(2, next.eventId()).setParameter(3, last.eventId())
                    .getSingleResult()).longValue());
            assertThat(waiting).isZero();

            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> relay.deadRows() >= 1);
            given().get("/q/metrics").then().statusCode(200)
                    .body(containsString("sync_outbox_dead_rows"));
            String metrics = given().get("/q/metrics").asString();
            assertThat(metrics.lines().filter(l -> l.startsWith("sync_outbox_dead_rows")).findFirst().orElseThrow())
                    .doesNotEndWith(" 0.0");
            // dead rows are reported, the service stays ready (sync.outbox.dead-rows-fail-readiness=false)
            given().get("/q/health/ready").then().statusCode(200)
                    .body("checks.find { it.name == 'outbox' }.data.deadRows", org.hamcrest.Matchers.greaterThan(0));
        }
    }
}

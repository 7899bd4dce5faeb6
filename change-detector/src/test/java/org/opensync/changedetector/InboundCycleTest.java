package org.opensync.changedetector;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.opensync.changedetector.inbound.InboundRecords;
import org.opensync.common.events.EventCodec;
import org.opensync.common.events.EventHeaders;
import org.opensync.common.events.InboundRecordReceived;
import org.opensync.common.events.ObjectChange;
import org.opensync.common.events.Tick;
import org.opensync.common.events.Topics;
import org.opensync.common.mirror.SchemaMirror;
import org.opensync.testing.EventPublisher;
import org.opensync.testing.TopicProbe;

/**
 * Uploaded users on the real {@code sync.inbound-records} are kept in the database until the job ticks (a paused job
 * is not ticked), then become object changes on the real {@code sync.object-changes} and are forgotten.
 */
@QuarkusTest
class InboundCycleTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Inject
    InboundRecords records;

    @Inject
    SchemaMirror schemas;

    @Test
    void uploadedUsersRingTheJobsBellAndOnItsTickBecomeObjectChangesInUploadOrder() {
        SourceJob job = new SourceJob();
        job.publishInboundSchema();
        Awaitility.await().atMost(TIMEOUT).until(() -> schemas.schemaOf(job.jobId).isPresent());
        try (TopicProbe changes = TopicProbe.fromNow(Topics.OBJECT_CHANGES);
             TopicProbe bells = TopicProbe.fromNow(Topics.SOURCE_CHANGES)) {
            String upload = UUID.randomUUID().toString();
            publish(job, upload, "E-1", "{\"externalId\":\"E-1\",\"userName\":\"ivan@example.org\",\"active\":true,"
                    + "\"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User\":{\"manager\":{\"value\":\"E-2\"}}}");
            publish(job, upload, "E-2", "{\"externalId\":\"E-2\",\"userName\":\"olga@example.org\",\"active\":false}");
            publish(job, upload, "E-1", "{\"externalId\":\"E-1\",\"userName\":\"ivan.p@example.org\"}");

            // no tick: the records are kept, nothing is published, and the job's bell asks the scheduler for one
            Awaitility.await().atMost(TIMEOUT).until(() -> records.count(job.jobId) == 3);
            assertThat(bells.await(r -> r.key().equals(job.jobId), 1, TIMEOUT)).isNotEmpty();
            assertThat(changes.records(r -> r.key().startsWith(job.jobId + ":"))).isEmpty();

            List<ObjectChange> cycle = job.runCycle(Tick.CycleKind.Initial, changes, TIMEOUT);
            assertThat(cycle.get(0)).isInstanceOfSatisfying(ObjectChange.CycleBegan.class,
                    began -> assertThat(began.cycleKind()).isEqualTo(Tick.CycleKind.Incremental));
            List<ObjectChange.ObjectChanged> objects = SourceJob.objectsOf(cycle);
            assertThat(objects).extracting(ObjectChange.ObjectChanged::anchor).containsExactly("E-1", "E-2", "E-1");
            assertThat(objects).extracting(ObjectChange.ObjectChanged::dn).containsExactly("E-1", "E-2", "E-1");
            assertThat(objects.get(0).attributes())
                    .containsEntry("userName", List.of("ivan@example.org"))
                    .containsEntry("IsSoftDeleted", List.of("False"))
                    .containsEntry("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager",
                            List.of("E-2"));
            assertThat(objects.get(1).attributes()).containsEntry("IsSoftDeleted", List.of("True"));
            assertThat(objects.get(2).attributes()).containsEntry("userName", List.of("ivan.p@example.org"))
                    .doesNotContainKey("IsSoftDeleted");
            assertThat(cycle.get(cycle.size() - 1)).isInstanceOfSatisfying(ObjectChange.CycleReadCompleted.class,
                    done -> assertThat(done.imported()).isEqualTo(3));
            Awaitility.await().atMost(TIMEOUT).until(() -> records.count(job.jobId) == 0);
        }
    }

    /**
     * Records are stored a batch per transaction: one delivered again after its cycle published and forgot it (a
     * crash before the consumer's offset moved) is not stored again, or an old image of a leaver would be exported
     * anew; one that cannot be read, or cannot be stored (its batch then fails and its records are stored one by one),
     * is set aside with its reason while the others are kept.
     */
    @Test
    void aRecordDeliveredAgainAfterItsCycleIsNotKeptAgainAndAnUnreadableOrUnstorableOneIsSetAside() {
        SourceJob job = new SourceJob();
        job.publishInboundSchema();
        Awaitility.await().atMost(TIMEOUT).until(() -> schemas.schemaOf(job.jobId).isPresent());
        InboundRecordReceived leaver = record(job, "E-9", "{\"externalId\":\"E-9\",\"active\":false}");
        EventPublisher.publish(Topics.INBOUND_RECORDS, leaver);
        Awaitility.await().atMost(TIMEOUT).until(() -> records.count(job.jobId) == 1);
        try (TopicProbe changes = TopicProbe.fromNow(Topics.OBJECT_CHANGES);
             TopicProbe deadLetters = TopicProbe.fromNow(Topics.DEAD_LETTER)) {
            job.runCycle(Tick.CycleKind.Incremental, changes, TIMEOUT);
            Awaitility.await().atMost(TIMEOUT).until(() -> records.count(job.jobId) == 0);

            EventPublisher.publish(Topics.INBOUND_RECORDS, leaver);
            EventPublisher.publishRaw(Topics.INBOUND_RECORDS, job.jobId + ":E-8", "{not json", "unreadable-"
                    + job.jobId);
            // readable, but PostgreSQL cannot store it (a NUL character in text): it fails its batch, then alone
            InboundRecordReceived unstorable = record(job, "E-6\u0000", "{\"externalId\":\"E-6\"}");
            EventPublisher.publish(Topics.INBOUND_RECORDS, unstorable);
            EventPublisher.publish(Topics.INBOUND_RECORDS, record(job, "E-7", "{\"externalId\":\"E-7\"}"));

            deadLetters.await(r -> new String(r.headers().lastHeader(EventHeaders.EVENT_ID).value(),
                    StandardCharsets.UTF_8).equals("unreadable-" + job.jobId), 1, TIMEOUT);
            deadLetters.await(r -> new String(r.headers().lastHeader(EventHeaders.EVENT_ID).value(),
                    StandardCharsets.UTF_8).equals(unstorable.eventId()), 1, TIMEOUT);
            Awaitility.await().atMost(TIMEOUT).until(() -> records.count(job.jobId) == 1);
            assertThat(records.page(job.jobId, 0, 10)).extracting(InboundRecords.Stored::externalId)
                    .containsExactly("E-7");
        }
    }

    private static void publish(SourceJob job, String upload, String externalId, String user) {
        EventPublisher.publish(Topics.INBOUND_RECORDS, record(job, upload, externalId, user));
    }

    private static InboundRecordReceived record(SourceJob job, String externalId, String user) {
        return record(job, UUID.randomUUID().toString(), externalId, user);
    }

    private static InboundRecordReceived record(SourceJob job, String upload, String externalId, String user) {
        try {
            return new InboundRecordReceived(UUID.randomUUID().toString(), Instant.now(), job.jobId, upload,
                    "b-" + externalId, externalId, (ObjectNode) EventCodec.mapper().readTree(user));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

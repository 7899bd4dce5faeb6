package org.opensync.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.opensync.common.events.Event;
import org.opensync.common.events.Topics;
import org.opensync.common.outbox.Outbox;
import org.opensync.common.tracing.TraceContext;
import org.opensync.testing.TopicProbe;

/**
 * A trace crosses the backbone on the real broker and database: a command published in a span is consumed in a span
 * of the same trace, the schedule keeps it, the tick's outbox row stores it and the relayed tick carries it.
 */
@QuarkusTest
class TracePropagationTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    /** An event on a topic nobody consumes; only its outbox row is read, inside the transaction that wrote it. */
    record Probe(String eventId, Instant occurredAt, String key) implements Event {
    }

    /** Ends the transaction that wrote the row: it was only there to be read. */
    static final class RolledBack extends RuntimeException {
        final String traceparent;

        RolledBack(String traceparent) {
            super(null, null, false, false);
            this.traceparent = traceparent;
        }
    }

    @Inject
    Tracer tracer;

    @Inject
    Outbox outbox;

    @Inject
    EntityManager entityManager;

    @Test
    void anOutboxRowKeepsTheTraceItWasWrittenIn() {
        Probe probe = new Probe(UUID.randomUUID().toString(), Instant.now(), "trace-" + UUID.randomUUID());
        Span span = tracer.spanBuilder("writes an event").startSpan();
        try (Scope scope = span.makeCurrent()) {
            String stored = null;
            try {
                QuarkusTransaction.requiringNew().run(() -> {
                    outbox.publish("sync.test-trace", probe);
                    entityManager.flush();
                    throw new RolledBack((String) entityManager.createNativeQuery(
                                    "select traceparent from outbox_event where event_id = ?1")
                            .setParameter(1, probe.eventId()).getSingleResult());
                });
            } catch (RolledBack e) {
                stored = e.traceparent;
            }
            assertThat(stored).isEqualTo(TraceContext.current()).startsWith("00-" + span.getSpanContext().getTraceId());
        } finally {
            span.end();
        }
    }

    @Test
    void aCommandsTraceReachesTheTickItCauses() {
        String jobId;
        SpanContext request;
        try (TopicProbe ticks = TopicProbe.fromNow(Topics.TICKS)) {
            Span span = tracer.spanBuilder("starts a job").startSpan();
            try (Scope scope = span.makeCurrent()) {
                jobId = Commands.newJob();
                Commands.start(jobId, Duration.ofHours(1));
            } finally {
                span.end();
            }
            request = span.getSpanContext();

            ConsumerRecord<String, String> tick = ticks.awaitOne(TopicProbe.keyed(jobId), WAIT);
            String traceparent = TopicProbe.header(tick, TraceContext.HEADER);
            SpanContext carried = Span.fromContext(TraceContext.parent(traceparent)).getSpanContext();
            assertThat(carried.getTraceId()).as(traceparent).isEqualTo(request.getTraceId());
            assertThat(carried.getSpanId()).as("the scheduler's span consuming the command, a child of the request's")
                    .isNotEqualTo(request.getSpanId());
        }
        Commands.delete(jobId);
    }
}

package org.opensync.common.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opensync.common.events.Event;
import org.opensync.common.kafka.EventRecords;

/** The traceparent a record carries: written from the current span, read back as the parent of the consumer's. */
class TraceContextTest {
    private final InMemorySpanExporter exported = InMemorySpanExporter.create();
    private final SdkTracerProvider provider = SdkTracerProvider.builder()
            .addSpanProcessor(SimpleSpanProcessor.create(exported)).build();
    private final Tracer tracer = provider.get("test");

    record Probe(String eventId, Instant occurredAt, String key) implements Event {
    }

    @AfterEach
    void close() {
        provider.close();
    }

    @Test
    void aRecordPublishedInASpanCarriesItAndTheConsumerContinuesIt() {
        Span request = tracer.spanBuilder("request").startSpan();
        ProducerRecord<String, String> record;
        try (Scope scope = request.makeCurrent()) {
            record = EventRecords.of("sync.test", null, new Probe(UUID.randomUUID().toString(), Instant.now(), "k"));
        } finally {
            request.end();
        }
        SpanContext sent = request.getSpanContext();
        String header = new String(record.headers().lastHeader(TraceContext.HEADER).value(), StandardCharsets.UTF_8);
        assertThat(header).isEqualTo("00-" + sent.getTraceId() + "-" + sent.getSpanId() + "-01");

        Span consumer = tracer.spanBuilder("consume")
                .setParent(TraceContext.parent(TraceContext.of(record.headers()))).startSpan();
        consumer.end();

        SpanData consumed = exported.getFinishedSpanItems().stream().filter(s -> s.getName().equals("consume"))
                .findFirst().orElseThrow();
        assertThat(consumed.getTraceId()).isEqualTo(sent.getTraceId());
        assertThat(consumed.getParentSpanId()).isEqualTo(sent.getSpanId());
        assertThat(consumed.getParentSpanContext().isRemote()).isTrue();
    }

    @Test
    void outsideASpanARecordHasNoTraceparent() {
        ProducerRecord<String, String> record = EventRecords.of("sync.test", null,
                new Probe(UUID.randomUUID().toString(), Instant.now(), "k"));

        assertThat(record.headers().lastHeader(TraceContext.HEADER)).isNull();
        assertThat(TraceContext.current()).isNull();
    }

    @Test
    void overLongOrMalformedValuesAreIgnored() {
        String valid = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        assertThat(Span.fromContext(TraceContext.parent(valid)).getSpanContext().getTraceId())
                .isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");

        RecordHeaders overLong = new RecordHeaders();
        overLong.add(TraceContext.HEADER, (valid + "-" + "x".repeat(10_000)).getBytes(StandardCharsets.US_ASCII));
        assertThat(TraceContext.of(overLong)).isNull();
        assertThat(TraceContext.of(new RecordHeaders())).isNull();

        for (String malformed : new String[]{null, "", valid + "0", "00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01",
                "00-00000000000000000000000000000000-00f067aa0ba902b7-01",
                "00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01",
                "zz-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
                "00_4bf92f3577b34da6a3ce929d0e0e4736_00f067aa0ba902b7_01"}) {
            assertThat(Span.fromContext(TraceContext.parent(malformed)).getSpanContext().isValid())
                    .as(String.valueOf(malformed)).isFalse();
        }
    }
}

package org.opensync.common.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * The W3C {@code traceparent} that carries a trace over the event backbone: an outbox row keeps the one current
 * when it was written, the relayed record carries it as a header, a consumer continues it. Only the traceparent
 * travels (no {@code tracestate}, no baggage): it has a fixed length, so a row or header never holds more than
 * {@value #LENGTH} characters, and a value of another length or shape is ignored rather than stored or trusted.
 */
public final class TraceContext {
    /** The header (and W3C field) name. */
    public static final String HEADER = "traceparent";
    /** {@code 00-<32 hex trace id>-<16 hex span id>-<2 hex flags>}, the only version this side writes or reads. */
    public static final int LENGTH = 55;

    private static final TextMapGetter<String> SINGLE_VALUE = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(String carrier) {
            return List.of(HEADER);
        }

        @Override
        public String get(String carrier, String key) {
            return HEADER.equals(key) ? carrier : null;
        }
    };

    private TraceContext() {
    }

    /** The current span's traceparent; null outside a trace. */
    public static String current() {
        SpanContext span = Span.current().getSpanContext();
        if (!span.isValid()) {
            return null;
        }
        return "00-" + span.getTraceId() + "-" + span.getSpanId() + "-" + span.getTraceFlags().asHex();
    }

    /**
     * The context a traceparent continues (its span as remote parent); the root context when the value is absent,
     * not {@value #LENGTH} characters long or malformed (the W3C propagator validates ids and flags).
     */
    public static Context parent(String traceparent) {
        if (traceparent == null || traceparent.length() != LENGTH) {
            return Context.root();
        }
        return W3CTraceContextPropagator.getInstance().extract(Context.root(), traceparent, SINGLE_VALUE);
    }

    /** The traceparent header of a record, or null when it has none or one of another length. */
    public static String of(Headers headers) {
        Header header = headers.lastHeader(HEADER);
        if (header == null || header.value() == null || header.value().length != LENGTH) {
            return null;
        }
        return new String(header.value(), StandardCharsets.US_ASCII);
    }

    /** Adds {@code traceparent} as a header unless it is null. */
    public static void put(Headers headers, String traceparent) {
        if (traceparent != null) {
            headers.add(HEADER, traceparent.getBytes(StandardCharsets.US_ASCII));
        }
    }
}

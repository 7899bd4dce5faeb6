package org.opensync.common.tracing;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.quarkus.arc.lookup.LookupIfProperty;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;

/**
 * Keeps spans in the service while no collector is configured: export is off unless
 * {@code quarkus.otel.exporter.otlp.traces.endpoint} (set from {@code OTEL_EXPORTER_OTLP_ENDPOINT}) names one.
 * Quarkus installs its OTLP exporter only when no {@link SpanExporter} bean is found, and with no endpoint it would
 * send to {@code localhost:4317} and log every failed attempt; this bean is found exactly while the endpoint is
 * unset, so the OTLP exporter is left out. Spans are still made, so {@code traceparent} is read from requests and
 * records and passed on, and log lines carry {@code traceId}.
 */
@ApplicationScoped
@LookupIfProperty(name = "quarkus.otel.exporter.otlp.traces.endpoint", stringValue = "", lookupIfMissing = true)
public class UnexportedSpans implements SpanExporter {
    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
        return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode flush() {
        return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
        return CompletableResultCode.ofSuccess();
    }
}

package org.opensync.connectors.net;

import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import java.net.http.HttpRequest;

/**
 * The W3C trace context of the caller's trace on an outgoing request (nothing outside a trace), so the receiver —
 * a SCIM application, or another OpenSync service — can continue it or match its logs to it.
 */
public final class TraceHeaders {
    private TraceHeaders() {
    }

    public static HttpRequest.Builder addTo(HttpRequest.Builder request) {
        W3CTraceContextPropagator.getInstance().inject(Context.current(), request, HttpRequest.Builder::header);
        return request;
    }
}

package org.opensync.common.events;

/**
 * Kafka record headers carried by every event, so consumers can deduplicate and route without parsing the value.
 * An event published in a trace also carries {@code traceparent} ({@link org.opensync.common.tracing.TraceContext}).
 */
public final class EventHeaders {
    public static final String EVENT_ID = "event-id";
    public static final String EVENT_TYPE = "event-type";
    public static final String EVENT_VERSION = "event-version";
    public static final String CONTENT_TYPE = "content-type";

    private EventHeaders() {
    }
}

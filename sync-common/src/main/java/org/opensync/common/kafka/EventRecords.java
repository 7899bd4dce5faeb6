package org.opensync.common.kafka;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.opensync.common.events.Event;
import org.opensync.common.events.EventCodec;
import org.opensync.common.events.EventHeaders;
import org.opensync.common.tracing.TraceContext;

/**
 * Kafka records carrying an event: JSON value plus the headers every consumer relies on, and the {@code traceparent}
 * of the trace the event belongs to, which the consumer continues.
 */
public final class EventRecords {
    private EventRecords() {
    }

    /**
     * An event published now, in the current trace.
     *
     * @param partition null lets the producer choose by key
     */
    public static ProducerRecord<String, String> of(String topic, Integer partition, Event event) {
        return of(topic, partition, event.key(), event.eventId(), event.type(), event.version(),
                EventCodec.encode(event), TraceContext.current());
    }

    /** @param traceparent the trace the event belongs to (as recorded with it), null for none */
    public static ProducerRecord<String, String> of(String topic, Integer partition, String key, String eventId,
                                                    String type, int version, String payload, String traceparent) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, partition, key, payload);
        record.headers().add(EventHeaders.EVENT_ID, utf8(eventId));
        record.headers().add(EventHeaders.EVENT_TYPE, utf8(type));
        record.headers().add(EventHeaders.EVENT_VERSION, utf8(Integer.toString(version)));
        record.headers().add(EventHeaders.CONTENT_TYPE, utf8("application/json"));
        TraceContext.put(record.headers(), traceparent);
        return record;
    }

    /**
     * The event a record carries ({@link EventCodec#decode(String, Class, Integer)}), its version read from the
     * {@link EventHeaders#EVENT_VERSION} header that {@link #of} sets; from the payload when the header is missing or
     * not a number.
     *
     * @throws org.opensync.common.events.UnreadableEventException as {@link EventCodec#decode(String, Class)}
     */
    public static <T extends Event> T decode(ConsumerRecord<String, String> record, Class<T> contract) {
        return EventCodec.decode(record.value(), contract, declaredVersion(record));
    }

    private static Integer declaredVersion(ConsumerRecord<String, String> record) {
        Header header = record.headers().lastHeader(EventHeaders.EVENT_VERSION);
        if (header == null || header.value() == null) {
            return null;
        }
        try {
            return Integer.valueOf(new String(header.value(), StandardCharsets.UTF_8).trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}

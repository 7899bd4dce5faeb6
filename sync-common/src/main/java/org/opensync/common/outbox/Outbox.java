package org.opensync.common.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.UUID;
import org.opensync.common.events.EventCodec;
import org.opensync.common.tracing.TraceContext;

/**
 * Records events in the caller's transaction. Either the state change and its event are both committed or neither
 * is; {@link OutboxRelay} then publishes committed rows at least once. A row keeps the trace it was written in
 * (the HTTP request or consumed record being handled), so its consumers continue that trace.
 */
@ApplicationScoped
public class Outbox {
    /** The event-type header of a tombstone record. */
    public static final String TOMBSTONE = "Tombstone";

    private final Event<OutboxStored> stored;

    @Inject
    public Outbox(Event<OutboxStored> stored) {
        this.stored = stored;
    }

    /** Publishes {@code event} on {@code topic} under its key. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void publish(String topic, org.opensync.common.events.Event event) {
        OutboxEvent row = new OutboxEvent();
        row.eventId = event.eventId();
        row.topic = topic;
        row.recordKey = event.key();
        row.eventType = event.type();
        row.eventVersion = event.version();
        row.payload = EventCodec.encode(event);
        row.createdAt = Instant.now();
        store(row);
    }

    /** Deletes {@code key} from a compacted topic: a record with a null value and an event id for consumers. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void publishTombstone(String topic, String key) {
        OutboxEvent row = new OutboxEvent();
        row.eventId = UUID.randomUUID().toString();
        row.topic = topic;
        row.recordKey = key;
        row.eventType = TOMBSTONE;
        row.eventVersion = 1;
        row.createdAt = Instant.now();
        store(row);
    }

    private void store(OutboxEvent row) {
        row.traceparent = TraceContext.current();
        row.persist();
        stored.fire(new OutboxStored());
    }
}

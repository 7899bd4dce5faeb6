package org.opensync.common.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import org.opensync.common.events.EventCodec;

/**
 * Records events in the caller's transaction. Either the state change and its event are both committed or neither
 * is; {@link OutboxRelay} then publishes committed rows at least once.
 */
@ApplicationScoped
public class Outbox {
    private final Event<OutboxStored> stored;

    @Inject
    public Outbox(Event<OutboxStored> stored) {
        this.stored = stored;
    }

    /** Publishes {@code event} on {@code topic}, keyed by its job id. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void publish(String topic, org.opensync.common.events.Event event) {
        publish(topic, event.jobId(), event);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void publish(String topic, String key, org.opensync.common.events.Event event) {
        OutboxEvent row = new OutboxEvent();
        row.eventId = event.eventId();
        row.topic = topic;
        row.recordKey = key;
        row.eventType = event.type();
        row.eventVersion = event.version();
        row.payload = EventCodec.encode(event);
        row.createdAt = Instant.now();
        row.persist();
        stored.fire(new OutboxStored());
    }
}

package org.opensync.common.inbox;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.hibernate.Session;
import org.opensync.common.events.Event;
import org.opensync.common.kafka.EventRecords;
import org.opensync.common.events.EventHeaders;
import org.opensync.common.events.UnreadableEventException;

/**
 * Idempotent consumption: an event is applied at most once per consumer, because its id is recorded in the same
 * transaction as the changes the handler makes. A record that cannot be decoded raises
 * {@link UnreadableEventException}, which the channel's dead-letter strategy turns into a dead-letter record.
 */
@ApplicationScoped
public class Inbox {
    private final EntityManager entityManager;

    @Inject
    public Inbox(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public <T extends Event> void process(String consumer, ConsumerRecord<String, String> record, Class<T> contract,
                                          Consumer<T> handler) {
        firstDelivery(consumer, record, contract).ifPresent(handler);
    }

    /** The event, unless this consumer already processed it; recorded as processed in the current transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public <T extends Event> Optional<T> firstDelivery(String consumer, ConsumerRecord<String, String> record,
                                                       Class<T> contract) {
        String eventId = eventId(record);
        T event = EventRecords.decode(record, contract);
        return firstDelivery(consumer, eventId) ? Optional.of(event) : Optional.empty();
    }

    /** Whether this consumer sees the event for the first time; recorded as processed in the current transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    boolean firstDelivery(String consumer, String eventId) {
        return firstDeliveries(consumer, List.of(eventId)).contains(eventId);
    }

    /**
     * The events of {@code eventIds} this consumer sees for the first time, in one statement for a whole batch;
     * recorded as processed in the current transaction.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    Set<String> firstDeliveries(String consumer, Collection<String> eventIds) {
        return entityManager.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into processed_event (consumer, event_id, processed_at)
                    select ?, event_id, now() from unnest(?::text[]) as event_id
                    on conflict do nothing returning event_id""")) {
                insert.setString(1, consumer);
                insert.setArray(2, connection.createArrayOf("text", eventIds.toArray()));
                Set<String> fresh = new HashSet<>();
                try (ResultSet rows = insert.executeQuery()) {
                    while (rows.next()) {
                        fresh.add(rows.getString(1));
                    }
                }
                return fresh;
            }
        });
    }

    /** Redeliveries happen within minutes; a week of ids is ample and keeps the table small. */
    @Scheduled(every = "1h", delayed = "10m")
    @Transactional
    void forgetOldEvents() {
        entityManager.createNativeQuery("delete from processed_event where processed_at < now() - interval '7 days'")
                .executeUpdate();
    }

    static String eventId(ConsumerRecord<String, String> record) {
        Header header = record.headers().lastHeader(EventHeaders.EVENT_ID);
        if (header == null || header.value() == null || header.value().length == 0) {
            throw new UnreadableEventException("the record has no " + EventHeaders.EVENT_ID + " header");
        }
        return new String(header.value(), StandardCharsets.UTF_8);
    }
}

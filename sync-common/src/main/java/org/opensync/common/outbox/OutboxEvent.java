package org.opensync.common.outbox;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An event waiting to be published; the row is deleted once Kafka acknowledged it. */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent extends PanacheEntityBase {
    /** Identity, not a pooled sequence: ids follow insertion order, which is the publication order. */
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "event_id")
    public String eventId;

    public String topic;

    @Column(name = "record_key")
    public String recordKey;

    @Column(name = "event_type")
    public String eventType;

    @Column(name = "event_version")
    public int eventVersion;

    public String payload;

    @Column(name = "created_at")
    public Instant createdAt;

    /** The W3C traceparent current when the event was written; the relay puts it in the record's headers. */
    public String traceparent;
}

package org.opensync.common.events;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * A versioned event published on a {@code sync.*} topic. Implementations are records serialised as JSON with a
 * {@code type} property naming the record, so that standard Kafka tools show self-describing values.
 */
public interface Event {
    /** Unique id of this event; also sent in the {@link EventHeaders#EVENT_ID} header and used for deduplication. */
    String eventId();

    Instant occurredAt();

    /** The record key: events with the same key stay in order (a job id for job-scoped events). */
    @JsonIgnore
    String key();

    /** Schema version of the payload; consumers reject versions newer than they understand. */
    @JsonProperty("version")
    default int version() {
        return 1;
    }

    @JsonProperty("type")
    default String type() {
        return getClass().getSimpleName();
    }
}

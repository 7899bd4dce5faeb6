package org.opensync.common.secrets;

import java.time.Instant;
import org.opensync.common.events.Event;

/**
 * The complete secret set of a service principal, sealed with the transport key and the service principal id as
 * context, on the compacted topic {@code sync.secrets} (key = service principal id). {@code secretsVersion} is the
 * stored set's version (incremented by every replacement), so that a mirror keeps the newest set whatever order
 * records reach it in; it is null in records published before sets were versioned.
 */
public record SecretsChanged(String eventId, Instant occurredAt, String servicePrincipalId, String sealed,
                             Long secretsVersion) implements Event {

    /** A record without a version, as published before sets were versioned: mirrors apply it unconditionally. */
    public SecretsChanged(String eventId, Instant occurredAt, String servicePrincipalId, String sealed) {
        this(eventId, occurredAt, servicePrincipalId, sealed, null);
    }

    @Override
    public String key() {
        return servicePrincipalId;
    }
}

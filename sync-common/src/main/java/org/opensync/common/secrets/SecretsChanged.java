package org.opensync.common.secrets;

import java.time.Instant;
import org.opensync.common.events.Event;

/**
 * The complete secret set of a service principal, sealed with the transport key and the service principal id as
 * context, on the compacted topic {@code sync.secrets} (key = service principal id).
 */
public record SecretsChanged(String eventId, Instant occurredAt, String servicePrincipalId, String sealed)
        implements Event {
    @Override
    public String key() {
        return servicePrincipalId;
    }
}

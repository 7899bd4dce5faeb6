package org.opensync.common.events;

/** A record that no code path can process; the messaging layer sends it to the dead-letter topic with this reason. */
public class UnreadableEventException extends RuntimeException {
    public UnreadableEventException(String message) {
        super(message);
    }
}

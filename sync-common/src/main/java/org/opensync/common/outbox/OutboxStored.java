package org.opensync.common.outbox;

/** Fired when an outbox row was written, so the relay publishes right after the transaction commits. */
public record OutboxStored() {
}

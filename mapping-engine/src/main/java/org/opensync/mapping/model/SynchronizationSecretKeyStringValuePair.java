package org.opensync.mapping.model;

/** Graph {@code synchronizationSecretKeyStringValuePair} (§3.28). */
@GraphType
public record SynchronizationSecretKeyStringValuePair(SynchronizationSecret key, String value) {
}

package org.opensync.mapping.model;

/** Graph {@code synchronizationSecretKeyStringValuePair}. */
@GraphType
public record SynchronizationSecretKeyStringValuePair(SynchronizationSecret key, String value) {
}

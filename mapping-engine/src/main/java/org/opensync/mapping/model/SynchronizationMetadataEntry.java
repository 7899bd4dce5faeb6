package org.opensync.mapping.model;

/** Graph {@code synchronizationMetadataEntry} (§3.29). */
@GraphType
public record SynchronizationMetadataEntry(SynchronizationMetadata key, String value) {
}

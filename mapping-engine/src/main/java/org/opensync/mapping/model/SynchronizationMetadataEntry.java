package org.opensync.mapping.model;

/** Graph {@code synchronizationMetadataEntry}. */
@GraphType
public record SynchronizationMetadataEntry(SynchronizationMetadata key, String value) {
}

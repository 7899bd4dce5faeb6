package org.opensync.mapping.model;

/** Graph {@code objectDefinitionMetadataEntry}. */
@GraphType
public record ObjectDefinitionMetadataEntry(ObjectDefinitionMetadata key, String value) {
}

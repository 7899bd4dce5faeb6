package org.opensync.mapping.model;

/** Graph {@code objectDefinitionMetadataEntry} (§3.15). */
@GraphType
public record ObjectDefinitionMetadataEntry(ObjectDefinitionMetadata key, String value) {
}

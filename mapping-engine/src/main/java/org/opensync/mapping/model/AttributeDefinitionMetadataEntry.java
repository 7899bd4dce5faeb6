package org.opensync.mapping.model;

/** Graph {@code attributeDefinitionMetadataEntry} (§3.17). */
@GraphType
public record AttributeDefinitionMetadataEntry(AttributeDefinitionMetadata key, String value) {
}

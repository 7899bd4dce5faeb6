package org.opensync.mapping.model;

/** Graph {@code attributeDefinitionMetadataEntry}. */
@GraphType
public record AttributeDefinitionMetadataEntry(AttributeDefinitionMetadata key, String value) {
}

package org.opensync.mapping.model;

/** Graph {@code objectMappingMetadataEntry}; some values are JSON-quoted strings such as {@code "\"Normal\""}. */
@GraphType
public record ObjectMappingMetadataEntry(ObjectMappingMetadata key, String value) {
}

package org.opensync.mapping.model;

/** Graph {@code stringKeyStringValuePair}, also the shape of the legacy {@code metadataEntry}. */
@GraphType
public record StringKeyStringValuePair(String key, String value) {
}

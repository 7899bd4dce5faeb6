package org.opensync.mapping.model;

/** Graph {@code stringKeyStringValuePair} (§3.19), also the shape of the legacy {@code metadataEntry}. */
@GraphType
public record StringKeyStringValuePair(String key, String value) {
}

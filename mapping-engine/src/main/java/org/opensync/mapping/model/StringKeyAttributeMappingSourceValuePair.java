package org.opensync.mapping.model;

/** Graph {@code stringKeyAttributeMappingSourceValuePair} (§3.26.1): a named function argument. */
@GraphType
public record StringKeyAttributeMappingSourceValuePair(String key, AttributeMappingSource value) {
}

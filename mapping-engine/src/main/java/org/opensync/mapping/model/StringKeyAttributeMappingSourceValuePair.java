package org.opensync.mapping.model;

/** Graph {@code stringKeyAttributeMappingSourceValuePair}: a named function argument. */
@GraphType
public record StringKeyAttributeMappingSourceValuePair(String key, AttributeMappingSource value) {
}

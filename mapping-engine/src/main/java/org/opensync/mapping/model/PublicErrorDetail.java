package org.opensync.mapping.model;

/** Graph {@code publicErrorDetail}. */
@GraphType
public record PublicErrorDetail(String code, String message, String target) {
}

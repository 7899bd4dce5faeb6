package org.opensync.mapping.model;

/** Graph {@code referencedObject} (§3.18). */
@GraphType
public record ReferencedObject(String referencedObjectName, String referencedProperty) {
}

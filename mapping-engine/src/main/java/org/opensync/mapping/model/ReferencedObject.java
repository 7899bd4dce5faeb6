package org.opensync.mapping.model;

/** Graph {@code referencedObject}. */
@GraphType
public record ReferencedObject(String referencedObjectName, String referencedProperty) {
}

package org.opensync.mapping.model;

import com.fasterxml.jackson.annotation.JsonCreator;

/** Graph {@code mutability} of an attribute definition. */
public enum Mutability {
    ReadWrite, ReadOnly, Immutable, WriteOnly;

    @JsonCreator
    public static Mutability of(java.lang.String text) {
        return WireEnums.parse(Mutability.class, text);
    }
}

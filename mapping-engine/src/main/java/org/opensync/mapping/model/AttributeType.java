package org.opensync.mapping.model;

import com.fasterxml.jackson.annotation.JsonCreator;

/** Graph {@code attributeType}: data type of an attribute or function parameter. */
public enum AttributeType {
    String, Integer, Reference, Binary, Boolean, DateTime;

    @JsonCreator
    public static AttributeType of(java.lang.String text) {
        return WireEnums.parse(AttributeType.class, text);
    }
}

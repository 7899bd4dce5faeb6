package org.opensync.mapping.model;

import com.fasterxml.jackson.annotation.JsonCreator;

/** Graph {@code attributeMappingSourceType}: kind of node in a mapping source tree. */
public enum AttributeMappingSourceType {
    Attribute, Constant, Function;

    @JsonCreator
    public static AttributeMappingSourceType of(java.lang.String text) {
        return WireEnums.parse(AttributeMappingSourceType.class, text);
    }
}

package org.opensync.mapping.model;

import com.fasterxml.jackson.annotation.JsonCreator;

/** Members of the Graph flag enum {@code directoryDefinitionDiscoverabilities}; used as a {@code Set}, where {@code None} is the empty set. */
public enum DirectoryDefinitionDiscoverability {
    None, AttributeNames, AttributeDataTypes, AttributeReadOnly, ReferenceAttributes, UnknownFutureValue;

    @JsonCreator
    public static DirectoryDefinitionDiscoverability of(java.lang.String text) {
        return WireEnums.parse(DirectoryDefinitionDiscoverability.class, text);
    }
}

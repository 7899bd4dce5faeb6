package org.opensync.mapping.model;

import com.fasterxml.jackson.annotation.JsonCreator;

/** Members of the Graph flag enum {@code objectFlowTypes}; used as a {@code Set}, where {@code None} is the empty set. */
public enum ObjectFlowType {
    None, Add, Update, Delete;

    @JsonCreator
    public static ObjectFlowType of(java.lang.String text) {
        return WireEnums.parse(ObjectFlowType.class, text);
    }
}

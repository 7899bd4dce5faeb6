package org.opensync.mapping.model;

import com.fasterxml.jackson.annotation.JsonCreator;

/** Graph {@code attributeFlowType}: under which circumstances a mapping updates the target. */
public enum AttributeFlowType {
    Always, ObjectAddOnly, MultiValueAddOnly, ValueAddOnly, AttributeAddOnly;

    @JsonCreator
    public static AttributeFlowType of(java.lang.String text) {
        return WireEnums.parse(AttributeFlowType.class, text);
    }
}

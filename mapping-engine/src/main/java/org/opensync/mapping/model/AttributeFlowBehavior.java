package org.opensync.mapping.model;

import com.fasterxml.jackson.annotation.JsonCreator;

/** Graph {@code attributeFlowBehavior}: whether an unchanged value is exported again. */
public enum AttributeFlowBehavior {
    FlowWhenChanged, FlowAlways;

    @JsonCreator
    public static AttributeFlowBehavior of(java.lang.String text) {
        return WireEnums.parse(AttributeFlowBehavior.class, text);
    }
}

package org.opensync.mapping.model;

import com.fasterxml.jackson.annotation.JsonCreator;

/** Graph {@code scopeOperatorMultiValuedComparisonType}: how an operator treats multi-valued attributes. */
public enum ScopeOperatorMultiValuedComparisonType {
    All, Any;

    @JsonCreator
    public static ScopeOperatorMultiValuedComparisonType of(java.lang.String text) {
        return WireEnums.parse(ScopeOperatorMultiValuedComparisonType.class, text);
    }
}

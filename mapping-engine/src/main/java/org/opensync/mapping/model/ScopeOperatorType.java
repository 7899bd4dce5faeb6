package org.opensync.mapping.model;

import com.fasterxml.jackson.annotation.JsonCreator;

/** Graph {@code scopeOperatorType}: arity of a scoping filter operator. */
public enum ScopeOperatorType {
    Binary, Unary;

    @JsonCreator
    public static ScopeOperatorType of(java.lang.String text) {
        return WireEnums.parse(ScopeOperatorType.class, text);
    }
}

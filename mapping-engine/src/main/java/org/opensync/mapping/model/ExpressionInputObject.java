package org.opensync.mapping.model;

import java.util.List;

/** Graph {@code expressionInputObject} (§3.35.1): test data for parseExpression. */
@GraphType
public record ExpressionInputObject(ObjectDefinition definition, List<StringKeyObjectValuePair> properties) {
    public ExpressionInputObject {
        properties = Lists.copy(properties);
    }
}

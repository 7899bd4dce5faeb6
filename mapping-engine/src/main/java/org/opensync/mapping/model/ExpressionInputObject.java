package org.opensync.mapping.model;

import java.util.List;

/** Graph {@code expressionInputObject}: test data for parseExpression. */
@GraphType
public record ExpressionInputObject(ObjectDefinition definition, List<StringKeyObjectValuePair> properties) {
    public ExpressionInputObject {
        properties = Lists.copy(properties);
    }
}

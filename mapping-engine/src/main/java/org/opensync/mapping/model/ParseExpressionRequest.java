package org.opensync.mapping.model;

/** Body of {@code POST .../schema/parseExpression}. */
@GraphType
public record ParseExpressionRequest(
        String expression,
        ExpressionInputObject testInputObject,
        AttributeDefinition targetAttributeDefinition) {
}

package org.opensync.mapping.model;

/** Body of {@code POST .../schema/parseExpression} (graph-sync-api §2.5.8). */
@GraphType
public record ParseExpressionRequest(
        String expression,
        ExpressionInputObject testInputObject,
        AttributeDefinition targetAttributeDefinition) {
}

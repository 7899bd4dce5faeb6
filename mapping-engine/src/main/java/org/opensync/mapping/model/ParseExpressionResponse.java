package org.opensync.mapping.model;

import java.util.List;

/** Graph {@code parseExpressionResponse}. */
@GraphType
public record ParseExpressionResponse(
        PublicError error,
        List<String> evaluationResult,
        boolean evaluationSucceeded,
        AttributeMappingSource parsedExpression,
        boolean parsingSucceeded) {

    public ParseExpressionResponse {
        evaluationResult = Lists.copy(evaluationResult);
    }
}

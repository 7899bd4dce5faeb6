package org.opensync.mapping.model;

import java.util.List;

/** Graph {@code parseExpressionResponse} (§3.35.3). */
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

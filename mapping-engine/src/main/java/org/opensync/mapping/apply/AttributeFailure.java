package org.opensync.mapping.apply;

/**
 * A target attribute that could not be computed for this object; the object is escrowed. Codes:
 * {@code ExpressionEvaluationFailed}, {@code MandatoryFieldsMissing}, {@code SchemaPropertyCanOnlyAcceptValue},
 * {@code InvalidTargetValue}.
 */
public record AttributeFailure(String targetAttributeName, String code, String message) {
    static final String EVALUATION_FAILED = "ExpressionEvaluationFailed";
    static final String MANDATORY_MISSING = "MandatoryFieldsMissing";
    static final String SINGLE_VALUE_ONLY = "SchemaPropertyCanOnlyAcceptValue";
    static final String INVALID_VALUE = "InvalidTargetValue";
}

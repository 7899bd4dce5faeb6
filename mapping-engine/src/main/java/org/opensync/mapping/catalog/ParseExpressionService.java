package org.opensync.mapping.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.opensync.mapping.expression.EvaluationEnvironment;
import org.opensync.mapping.expression.EvaluationOutcome;
import org.opensync.mapping.expression.ExpressionParseException;
import org.opensync.mapping.expression.Expressions;
import org.opensync.mapping.expression.ParsedExpression;
import org.opensync.mapping.model.AttributeDefinition;
import org.opensync.mapping.model.ExpressionInputObject;
import org.opensync.mapping.model.ObjectDefinition;
import org.opensync.mapping.model.ParseExpressionRequest;
import org.opensync.mapping.model.ParseExpressionResponse;
import org.opensync.mapping.model.PublicError;
import org.opensync.mapping.model.StringKeyObjectValuePair;
import org.opensync.mapping.value.ObjectImage;
import org.opensync.mapping.value.TypedValues;
import org.opensync.mapping.value.Value;

/**
 * {@code POST .../schema/parseExpression}. Parse failures are not HTTP errors: they come back
 * with {@code parsingSucceeded: false} and an error naming the position. Evaluation runs only with a
 * {@code testInputObject}, whose definition (when given) also makes unknown attributes parse errors. A flow-control
 * result (IgnoreAttributeFlow/IgnoreObjectFlow) is a successful evaluation with no values, explained in
 * {@code error} with code {@code AttributeFlowIgnored} or {@code ObjectFlowIgnored} [design].
 */
public final class ParseExpressionService {
    static final String PARSING_FAILED = "ExpressionParsingFailed";
    static final String EVALUATION_FAILED = "ExpressionEvaluationFailed";
    private static final String EXPRESSION = "expression";

    private final EvaluationEnvironment environment;

    /** @param environment clock, randomness and default domain used for test evaluations */
    public ParseExpressionService(EvaluationEnvironment environment) {
        this.environment = Objects.requireNonNull(environment, "environment");
    }

    /** @throws InvalidRequestException for requests that must be answered with HTTP 400 */
    public ParseExpressionResponse parse(ParseExpressionRequest request) {
        String expression = validExpression(request);
        ExpressionInputObject input = request.testInputObject();
        ObjectDefinition definition = input == null ? null : input.definition();
        ParsedExpression parsed;
        try {
            parsed = Expressions.parse(expression, definition);
        } catch (ExpressionParseException e) {
            return new ParseExpressionResponse(PublicError.of(PARSING_FAILED, e.getMessage(), EXPRESSION), List.of(),
                    false, null, false);
        }
        if (input == null) {
            return new ParseExpressionResponse(null, List.of(), false, parsed.toMappingSource(), true);
        }
        EvaluationOutcome outcome = parsed.evaluate(testObject(input), environment);
        return evaluated(parsed, outcome, request.targetAttributeDefinition());
    }

    private static String validExpression(ParseExpressionRequest request) {
        if (request == null) {
            throw new InvalidRequestException("A request body with 'expression' is required", null);
        }
        String expression = request.expression();
        if (expression == null || expression.isBlank()) {
            throw new InvalidRequestException("'expression' is required", EXPRESSION);
        }
        if (expression.length() > Expressions.MAX_LENGTH) {
            throw new InvalidRequestException("'expression' is " + expression.length() + " characters long; the limit is "
                    + Expressions.MAX_LENGTH, EXPRESSION);
        }
        return expression;
    }

    private static ObjectImage testObject(ExpressionInputObject input) {
        Map<String, JsonNode> properties = new LinkedHashMap<>();
        for (StringKeyObjectValuePair property : input.properties()) {
            if (property.key() == null || property.key().isEmpty()) {
                throw new InvalidRequestException("every testInputObject property needs a 'key'",
                        "testInputObject.properties");
            }
            properties.put(property.key(), property.value());
        }
        return ObjectImage.fromJsonProperties(properties);
    }

    private static ParseExpressionResponse evaluated(ParsedExpression parsed, EvaluationOutcome outcome,
            AttributeDefinition target) {
        if (outcome instanceof EvaluationOutcome.Failed failed) {
            return failure(parsed, failed.message());
        }
        if (outcome instanceof EvaluationOutcome.Ignored ignored) {
            boolean object = ignored.signal().ignoresObject();
            PublicError note = PublicError.of(object ? "ObjectFlowIgnored" : "AttributeFlowIgnored",
                    "The expression evaluated to " + ignored.signal().getMessage() + ": the "
                            + (object ? "object would be skipped" : "attribute would not be exported"), EXPRESSION);
            return new ParseExpressionResponse(note, List.of(), true, parsed.toMappingSource(), true);
        }
        Value value = ((EvaluationOutcome.Produced) outcome).value();
        try {
            return new ParseExpressionResponse(null, typed(value, target), true, parsed.toMappingSource(), true);
        } catch (IllegalArgumentException e) {
            return failure(parsed, e.getMessage());
        }
    }

    private static ParseExpressionResponse failure(ParsedExpression parsed, String message) {
        return new ParseExpressionResponse(PublicError.of(EVALUATION_FAILED, message, EXPRESSION), List.of(), false,
                parsed.toMappingSource(), true);
    }

    /** The target definition drives coercion: Boolean values render True/False, Integer values must be integers. */
    private static List<String> typed(Value value, AttributeDefinition target) {
        return target == null ? value.strings() : TypedValues.coerce(value, target.type()).strings();
    }
}

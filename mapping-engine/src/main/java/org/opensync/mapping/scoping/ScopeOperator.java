package org.opensync.mapping.scoping;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.opensync.mapping.model.AttributeType;
import org.opensync.mapping.model.ScopeOperatorMultiValuedComparisonType;
import org.opensync.mapping.model.ScopeOperatorType;

/**
 * Scoping operators by their Graph {@code operatorName}. Only the eight documented by the Graph
 * {@code filterOperators} sample are {@link #published()}; the portal-only operators of SCOPEDOC
 * ({@code Greater_Than}, {@code Includes}, {@code ENDS_WITH}, {@code &}, {@code !&}…) and our extensions
 * ({@code Less_Than}, {@code Less_Than_OR_EQUALS}, {@code Excludes}) are evaluated but never emitted, because their
 * wire spellings are unconfirmed.
 */
public enum ScopeOperator {
    EQUALS("EQUALS", ScopeOperatorType.Binary, true, AttributeType.Integer, AttributeType.String),
    NOT_EQUALS("NOT EQUALS", ScopeOperatorType.Binary, true, AttributeType.Integer, AttributeType.String),
    IS_TRUE("IS TRUE", ScopeOperatorType.Unary, true, AttributeType.Boolean),
    IS_FALSE("IS FALSE", ScopeOperatorType.Unary, true, AttributeType.Boolean),
    IS_NULL("IS NULL", ScopeOperatorType.Unary, true, AttributeType.Integer, AttributeType.String, AttributeType.Binary,
            AttributeType.Boolean),
    IS_NOT_NULL("IS NOT NULL", ScopeOperatorType.Unary, true, AttributeType.Integer, AttributeType.String,
            AttributeType.Binary, AttributeType.Boolean),
    REGEX_MATCH("REGEX MATCH", ScopeOperatorType.Binary, true, AttributeType.Integer, AttributeType.String),
    NOT_REGEX_MATCH("NOT REGEX MATCH", ScopeOperatorType.Binary, true, AttributeType.Integer, AttributeType.String),
    GREATER_THAN("Greater_Than", ScopeOperatorType.Binary, false, AttributeType.Integer, AttributeType.String),
    GREATER_THAN_OR_EQUALS("Greater_Than_OR_EQUALS", ScopeOperatorType.Binary, false, AttributeType.Integer,
            AttributeType.String),
    LESS_THAN("Less_Than", ScopeOperatorType.Binary, false, AttributeType.Integer, AttributeType.String),
    LESS_THAN_OR_EQUALS("Less_Than_OR_EQUALS", ScopeOperatorType.Binary, false, AttributeType.Integer,
            AttributeType.String),
    INCLUDES("Includes", ScopeOperatorType.Binary, false, AttributeType.Integer, AttributeType.String),
    EXCLUDES("Excludes", ScopeOperatorType.Binary, false, AttributeType.Integer, AttributeType.String),
    ENDS_WITH("ENDS_WITH", ScopeOperatorType.Binary, false, AttributeType.Integer, AttributeType.String),
    /** Experimental: the operand contains the attribute value (SCOPEDOC wording, ambiguous). */
    CONTAINED_IN("&", ScopeOperatorType.Binary, false, AttributeType.Integer, AttributeType.String),
    /** Experimental negation of {@code &}. */
    NOT_CONTAINED_IN("!&", ScopeOperatorType.Binary, false, AttributeType.Integer, AttributeType.String);

    private final String graphName;
    private final ScopeOperatorType arity;
    private final boolean published;
    private final List<AttributeType> supportedAttributeTypes;

    ScopeOperator(String graphName, ScopeOperatorType arity, boolean published, AttributeType... types) {
        this.graphName = graphName;
        this.arity = arity;
        this.published = published;
        this.supportedAttributeTypes = List.of(types);
    }

    /** The {@code filterClause.operatorName} spelling. */
    public String graphName() {
        return graphName;
    }

    public ScopeOperatorType arity() {
        return arity;
    }

    /** Every operator requires all values of a multi-valued attribute to satisfy it, the documented default. */
    public ScopeOperatorMultiValuedComparisonType multivaluedComparisonType() {
        return ScopeOperatorMultiValuedComparisonType.All;
    }

    public List<AttributeType> supportedAttributeTypes() {
        return supportedAttributeTypes;
    }

    /** Whether the operator is listed by {@code filterOperators} (the documented eight). */
    public boolean published() {
        return published;
    }

    /** Operator names are matched case-insensitively on input. */
    public static Optional<ScopeOperator> byGraphName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String wanted = name.strip().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(op -> op.graphName.toUpperCase(Locale.ROOT).equals(wanted)).findFirst();
    }
}

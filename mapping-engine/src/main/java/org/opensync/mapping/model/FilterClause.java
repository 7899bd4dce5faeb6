package org.opensync.mapping.model;

/** Graph {@code filterClause}. */
@GraphType
public record FilterClause(String operatorName, String sourceOperandName, FilterOperand targetOperand) {
}

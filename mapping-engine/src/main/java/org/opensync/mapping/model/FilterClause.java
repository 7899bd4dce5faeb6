package org.opensync.mapping.model;

/** Graph {@code filterClause} (§3.32). */
@GraphType
public record FilterClause(String operatorName, String sourceOperandName, FilterOperand targetOperand) {
}

package org.opensync.mapping.expression;

/** Asks the target whether a candidate value of {@code SelectUniqueValue} is already in use. */
@FunctionalInterface
public interface UniqueValueCheck {
    /** Nothing is taken: for previews such as parseExpression, where no target is consulted. */
    UniqueValueCheck NOTHING_TAKEN = (targetAttributeName, candidate) -> false;

    boolean isTaken(String targetAttributeName, String candidate) throws EvaluationException;
}

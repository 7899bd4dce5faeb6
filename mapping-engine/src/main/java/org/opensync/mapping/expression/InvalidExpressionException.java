package org.opensync.mapping.expression;

/** An expression (text or mapping source tree) that cannot be accepted: unknown function, bad arity, and so on. */
public class InvalidExpressionException extends RuntimeException {
    public InvalidExpressionException(String message) {
        super(message);
    }
}

package org.opensync.mapping.expression;

/** A function failed for this object (bad date, index out of range, {@code Error()}, ...): the object is escrowed. */
public final class EvaluationException extends EvaluationSignal {
    public EvaluationException(String message) {
        super(message);
    }

    static EvaluationException in(String function, String problem) {
        return new EvaluationException(function + ": " + problem);
    }
}

package org.opensync.mapping.expression;

/**
 * Why an evaluation produced no value: an {@link EvaluationException} or a {@link FlowControlSignal}. Checked so that
 * per-attribute handling cannot be forgotten; stack traces are not captured because these are routine outcomes.
 */
public abstract sealed class EvaluationSignal extends Exception permits EvaluationException, FlowControlSignal {
    EvaluationSignal(String message) {
        super(message, null, false, false);
    }
}

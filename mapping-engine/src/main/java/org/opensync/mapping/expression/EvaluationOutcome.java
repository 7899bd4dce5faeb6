package org.opensync.mapping.expression;

import org.opensync.mapping.value.Value;

/** Result of evaluating an expression for one object, for callers that prefer values to checked signals. */
public sealed interface EvaluationOutcome {

    /** A value (possibly null); {@code redacted} when it passed through {@code Redact} and must not be logged. */
    record Produced(Value value, boolean redacted) implements EvaluationOutcome {
    }

    /** {@code IgnoreAttributeFlow} or {@code IgnoreObjectFlow}. */
    record Ignored(FlowControlSignal signal) implements EvaluationOutcome {
    }

    /** A function failed; the object is escrowed with this message. */
    record Failed(String message) implements EvaluationOutcome {
    }
}

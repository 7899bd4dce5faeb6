package org.opensync.mapping.expression;

import org.opensync.mapping.value.Value;

/** The implementation of a function; it evaluates the arguments it needs through the call (lazily). */
@FunctionalInterface
interface FunctionBody {
    Value apply(CallNode call, EvaluationContext context) throws EvaluationSignal;
}

package org.opensync.mapping.expression;

/**
 * How much one evaluation may produce and do, so that no expression can exhaust memory or a thread (nested
 * {@code Replace} calls would otherwise grow their output multiplicatively). Exceeding either fails the evaluation
 * with an {@link EvaluationException} that names the limit.
 *
 * @param maxValueLength characters in any one value a function or {@code &} computes (each value of a
 *                       multi-valued result on its own); source values read as they are
 * @param maxWorkSteps   work per evaluation of one expression: each character a function or {@code &} produces
 *                       (at least one per value) and each character a regular expression reads is one step
 */
public record EvaluationLimits(int maxValueLength, long maxWorkSteps) {
    /** 64 Ki characters per value; 20 million steps, some tens of milliseconds. */
    public static final EvaluationLimits DEFAULT = new EvaluationLimits(65_536, 20_000_000);

    public EvaluationLimits {
        if (maxValueLength < 1 || maxWorkSteps < 1) {
            throw new IllegalArgumentException("evaluation limits must be positive: " + maxValueLength + ", "
                    + maxWorkSteps);
        }
    }
}

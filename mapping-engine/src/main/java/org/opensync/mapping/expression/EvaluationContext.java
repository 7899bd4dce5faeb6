package org.opensync.mapping.expression;

import java.util.List;
import java.util.Objects;
import org.opensync.mapping.regex.RegexBudgetExceededException;
import org.opensync.mapping.regex.StepBudget;
import org.opensync.mapping.value.MultiValue;
import org.opensync.mapping.value.ObjectImage;
import org.opensync.mapping.value.TextValue;
import org.opensync.mapping.value.Value;

/**
 * Per-object evaluation state: the source image, the environment, the target attribute being computed (for
 * {@code SelectUniqueValue}), whether {@code Redact} was applied, and the work left under the environment's
 * {@link EvaluationLimits} (the regex engine draws on it as a {@link StepBudget}). Cheap to create; reuse it for all
 * attributes of one object. Not thread-safe: one context per object per thread.
 */
public final class EvaluationContext implements StepBudget {
    private final ObjectImage source;
    private final EvaluationEnvironment environment;
    private String targetAttributeName;
    private boolean redacted;
    private long workLeft;

    public EvaluationContext(ObjectImage source, EvaluationEnvironment environment) {
        this.source = Objects.requireNonNull(source, "source");
        this.environment = Objects.requireNonNull(environment, "environment");
        this.workLeft = environment.limits().maxWorkSteps();
    }

    public ObjectImage source() {
        return source;
    }

    public EvaluationEnvironment environment() {
        return environment;
    }

    /** Starts the evaluation of one target attribute, with the whole work budget. */
    public void beginAttribute(String targetAttribute) {
        this.targetAttributeName = targetAttribute;
        this.redacted = false;
        this.workLeft = environment.limits().maxWorkSteps();
    }

    public String targetAttributeName() {
        return targetAttributeName;
    }

    /** True when the last evaluated value passed through {@code Redact}: logs must show {@code [Redacted]}. */
    public boolean redacted() {
        return redacted;
    }

    void markRedacted() {
        redacted = true;
    }

    /** Regex character reads left in this evaluation's work budget. */
    @Override
    public long remaining() {
        return workLeft;
    }

    /** Regex character reads are work; running out shows in {@link #requireWorkLeft}. */
    @Override
    public void spend(long steps) {
        workLeft -= steps;
    }

    int maxValueLength() {
        return environment.limits().maxValueLength();
    }

    /**
     * Charges what {@code function} computed to the work budget.
     *
     * @throws EvaluationException when one of its values is too long or the budget is spent
     */
    void charge(Value value, String function) throws EvaluationException {
        if (value instanceof TextValue text) {
            charge(text.text().length(), function);
        } else if (value instanceof MultiValue multi) {
            List<String> values = multi.strings();
            for (int i = 0; i < values.size(); i++) {
                charge(values.get(i).length(), function);
            }
        } else {
            workLeft--;
            requireWorkLeft(function);
        }
    }

    private void charge(int length, String function) throws EvaluationException {
        requireLength(length, function);
        workLeft -= Math.max(1, length);
        requireWorkLeft(function);
    }

    /** Checks a value's length before it is built, so that an oversized one is never allocated. */
    void requireLength(long length, String function) throws EvaluationException {
        if (length > maxValueLength()) {
            throw valueTooLong(function);
        }
    }

    EvaluationException valueTooLong(String function) {
        return EvaluationException.in(function, "the value would be longer than " + maxValueLength()
                + " characters, the limit per value (maxValueLength)");
    }

    /** The error for a regex that ran out of steps: its own ceiling, or this evaluation's work budget. */
    EvaluationException regexExceeded(String function, RegexBudgetExceededException exceeded) {
        return workLeft <= 0 ? workExceeded(function) : EvaluationException.in(function, exceeded.getMessage());
    }

    void requireWorkLeft(String function) throws EvaluationException {
        if (workLeft < 0) {
            throw workExceeded(function);
        }
    }

    private EvaluationException workExceeded(String function) {
        return EvaluationException.in(function, "the expression needs more than "
                + environment.limits().maxWorkSteps() + " steps of work, the limit per evaluation (maxWorkSteps)");
    }
}

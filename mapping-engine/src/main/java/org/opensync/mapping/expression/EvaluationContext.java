package org.opensync.mapping.expression;

import java.util.Objects;
import org.opensync.mapping.value.ObjectImage;

/**
 * Per-object evaluation state: the source image, the environment, the target attribute being computed (for
 * {@code SelectUniqueValue}) and whether {@code Redact} was applied. Cheap to create; reuse it for all attributes of
 * one object. Not thread-safe: one context per object per thread.
 */
public final class EvaluationContext {
    private final ObjectImage source;
    private final EvaluationEnvironment environment;
    private String targetAttributeName;
    private boolean redacted;

    public EvaluationContext(ObjectImage source, EvaluationEnvironment environment) {
        this.source = Objects.requireNonNull(source, "source");
        this.environment = Objects.requireNonNull(environment, "environment");
    }

    public ObjectImage source() {
        return source;
    }

    public EvaluationEnvironment environment() {
        return environment;
    }

    /** Starts the evaluation of one target attribute. */
    public void beginAttribute(String targetAttribute) {
        this.targetAttributeName = targetAttribute;
        this.redacted = false;
    }

    public String targetAttributeName() {
        return targetAttributeName;
    }

    /** True when the last evaluated value passed through {@code Redact}: logs must show {@code [Redact]}. */
    public boolean redacted() {
        return redacted;
    }

    void markRedacted() {
        redacted = true;
    }
}

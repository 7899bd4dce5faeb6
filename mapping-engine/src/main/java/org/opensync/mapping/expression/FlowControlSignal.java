package org.opensync.mapping.expression;

/** The expression evaluated to {@code IgnoreAttributeFlow} or {@code IgnoreObjectFlow}. */
public final class FlowControlSignal extends EvaluationSignal {
    /** Drop this target attribute from the export, even when null flow is enabled. */
    public static final FlowControlSignal IGNORE_ATTRIBUTE = new FlowControlSignal("IgnoreAttributeFlow");
    /** Skip the whole object in this cycle. */
    public static final FlowControlSignal IGNORE_OBJECT = new FlowControlSignal("IgnoreObjectFlow");

    private FlowControlSignal(String keyword) {
        super(keyword);
    }

    public boolean ignoresObject() {
        return this == IGNORE_OBJECT;
    }
}

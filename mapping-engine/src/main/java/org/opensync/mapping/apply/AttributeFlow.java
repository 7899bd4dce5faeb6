package org.opensync.mapping.apply;

import java.util.ArrayList;
import java.util.List;
import org.opensync.mapping.expression.EvaluationContext;
import org.opensync.mapping.expression.EvaluationSignal;
import org.opensync.mapping.expression.FlowControlSignal;
import org.opensync.mapping.model.AttributeFlowType;
import org.opensync.mapping.value.ObjectImage;
import org.opensync.mapping.value.TypedValues;
import org.opensync.mapping.value.Value;

/**
 * The per-attribute export decision for one object:
 * <ul>
 *   <li>{@code ObjectAddOnly}: only on create. {@code AttributeAddOnly}: only while the target has no value.</li>
 *   <li>{@code ValueAddOnly}/{@code MultiValueAddOnly}: add the values the target lacks, never remove; on
 *       single-valued targets they behave like {@code AttributeAddOnly}.</li>
 *   <li>{@code FlowWhenChanged} skips values equal to the target's (case-insensitive unless {@code caseExact},
 *       order-insensitive for multi-valued); {@code FlowAlways} exports anyway.</li>
 *   <li>Null is never exported. {@code defaultValue} applies on create; on update only when the attribute is
 *       required and the target is empty; a mapping without source fills an empty target with it.</li>
 *   <li>Null flow (all gates open) clears the target on update when the source is null or empty.</li>
 * </ul>
 */
final class AttributeFlow {
    private final ObjectImage target;
    private final Operation operation;
    private final List<AttributeChange> changes;
    /** Allocated on the first failure: most objects have none. */
    private List<AttributeFailure> failures;

    AttributeFlow(ObjectImage target, Operation operation, int expectedChanges) {
        this.target = target;
        this.operation = operation;
        this.changes = new ArrayList<>(expectedChanges);
    }

    MappingResult result() {
        return MappingResult.of(changes, failures == null ? List.of() : failures);
    }

    /** @return false when the object must be skipped (IgnoreObjectFlow) */
    boolean apply(CompiledAttributeMapping attribute, EvaluationContext context) {
        Value current = target == null ? null : target.get(attribute.targetKey());
        boolean creating = operation == Operation.CREATE;
        boolean targetEmpty = creating || current != null && current.isNullOrEmpty();
        AttributeFlowType flowType = attribute.flowType();
        if (flowType == AttributeFlowType.ObjectAddOnly && !creating
                || flowType == AttributeFlowType.AttributeAddOnly && !targetEmpty) {
            return true;
        }
        if (attribute.expression() == null) {
            if (targetEmpty) {
                export(attribute, attribute.defaultValue(), current, true, false);
            }
            return true;
        }
        context.beginAttribute(attribute.targetAttributeName());
        Value computed;
        try {
            computed = attribute.expression().evaluate(context);
        } catch (FlowControlSignal signal) {
            return !signal.ignoresObject();
        } catch (EvaluationSignal failure) {
            fail(attribute, AttributeFailure.EVALUATION_FAILED, failure.getMessage());
            return true;
        }
        if (attribute.nullFlow() && !creating && computed.isNullOrEmpty()) {
            if (current == null || !current.isNullOrEmpty() || attribute.flowAlways()) {
                changes.add(new AttributeChange(attribute.targetAttributeName(), ChangeKind.CLEAR, null, false));
            }
            return true;
        }
        if (computed.isNull()) {
            absent(attribute, current, creating, targetEmpty);
            return true;
        }
        export(attribute, computed, current, targetEmpty, context.redacted());
        return true;
    }

    private void absent(CompiledAttributeMapping attribute, Value current, boolean creating, boolean targetEmpty) {
        Value fallback = attribute.defaultValue();
        boolean defaultApplies = creating || attribute.required() && targetEmpty;
        if (defaultApplies && !fallback.isNull()) {
            export(attribute, fallback, current, targetEmpty, false);
        } else if (creating && attribute.required()) {
            fail(attribute, AttributeFailure.MANDATORY_MISSING,
                    "required attribute has no value and no default value");
        }
    }

    private void export(CompiledAttributeMapping attribute, Value computed, Value current, boolean targetEmpty,
            boolean redacted) {
        if (computed.isMultiValued() && attribute.knownSingleValued()) {
            fail(attribute, AttributeFailure.SINGLE_VALUE_ONLY, "the expression produced " + computed.size()
                    + " values for a single-valued target attribute");
            return;
        }
        Value value;
        try {
            value = attribute.targetType() == null ? computed : TypedValues.coerce(computed, attribute.targetType());
        } catch (IllegalArgumentException e) {
            fail(attribute, AttributeFailure.INVALID_VALUE, e.getMessage());
            return;
        }
        boolean addOnlyFlow = attribute.flowType() == AttributeFlowType.ValueAddOnly
                || attribute.flowType() == AttributeFlowType.MultiValueAddOnly;
        if (addOnlyFlow && attribute.knownSingleValued() && !targetEmpty) {
            return;
        }
        if (attribute.valueChangeKind() == ChangeKind.ADD_VALUES) {
            Value additions = current == null || attribute.flowAlways()
                    ? value : TargetValues.missingFrom(value, current, attribute.caseExact());
            if (!additions.isNull()) {
                changes.add(new AttributeChange(attribute.targetAttributeName(), ChangeKind.ADD_VALUES, additions,
                        redacted));
            }
            return;
        }
        if (attribute.flowAlways() || current == null || !TargetValues.same(value, current, attribute.caseExact())) {
            set(attribute, value, redacted);
        }
    }

    private void set(CompiledAttributeMapping attribute, Value value, boolean redacted) {
        changes.add(new AttributeChange(attribute.targetAttributeName(), ChangeKind.SET, value, redacted));
    }

    private void fail(CompiledAttributeMapping attribute, String code, String message) {
        if (failures == null) {
            failures = new ArrayList<>(2);
        }
        failures.add(new AttributeFailure(attribute.targetAttributeName(), code, message));
    }
}

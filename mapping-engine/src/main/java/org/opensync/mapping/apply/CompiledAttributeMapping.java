package org.opensync.mapping.apply;

import java.util.Optional;
import org.opensync.mapping.model.AttributeDefinition;
import org.opensync.mapping.model.AttributeFlowBehavior;
import org.opensync.mapping.model.AttributeFlowType;
import org.opensync.mapping.model.AttributeMapping;
import org.opensync.mapping.model.AttributeType;
import org.opensync.mapping.expression.ParsedExpression;
import org.opensync.mapping.value.AttributeKey;
import org.opensync.mapping.value.Value;

/** One attribute mapping with everything the per-object loop needs precomputed. Immutable. */
public final class CompiledAttributeMapping {
    private final AttributeMapping definition;
    private final ParsedExpression source;
    private final AttributeKey targetKey;
    private final AttributeType targetType;
    private final boolean targetMultiValued;
    private final boolean caseExact;
    private final boolean required;
    private final boolean nullFlow;
    private final Value defaultValue;
    private final ChangeKind valueChangeKind;

    CompiledAttributeMapping(AttributeMapping definition, ParsedExpression source, AttributeDefinition target,
            boolean nullFlow) {
        this.definition = definition;
        this.source = source;
        this.targetKey = AttributeKey.of(definition.targetAttributeName());
        this.targetType = target == null ? null : target.type();
        this.targetMultiValued = target != null && target.multivalued();
        this.caseExact = target != null && target.caseExact();
        this.required = target != null && target.required();
        this.nullFlow = nullFlow;
        this.defaultValue = Value.text(definition.defaultValue());
        boolean addOnlyRoles = source != null && source.topLevelFunction()
                .filter(name -> name.equals("AppRoleAssignmentsComplex") || name.equals("AppRoleAssignments"))
                .isPresent();
        boolean addOnlyFlow = definition.flowType() == AttributeFlowType.ValueAddOnly
                || definition.flowType() == AttributeFlowType.MultiValueAddOnly;
        this.valueChangeKind = addOnlyRoles || addOnlyFlow && (targetMultiValued || target == null)
                ? ChangeKind.ADD_VALUES : ChangeKind.SET;
    }

    public String targetAttributeName() {
        return definition.targetAttributeName();
    }

    public AttributeMapping definition() {
        return definition;
    }

    /** Empty for mapping type "None" (default value only). */
    public Optional<ParsedExpression> source() {
        return Optional.ofNullable(source);
    }

    /** Whether null-value flow is enabled for this attribute (all its gates open). */
    public boolean nullFlow() {
        return nullFlow;
    }

    AttributeKey targetKey() {
        return targetKey;
    }

    ParsedExpression expression() {
        return source;
    }

    AttributeType targetType() {
        return targetType;
    }

    boolean knownSingleValued() {
        return targetType != null && !targetMultiValued;
    }

    boolean caseExact() {
        return caseExact;
    }

    boolean required() {
        return required;
    }

    Value defaultValue() {
        return defaultValue;
    }

    AttributeFlowType flowType() {
        return definition.flowType();
    }

    boolean flowAlways() {
        return definition.flowBehavior() == AttributeFlowBehavior.FlowAlways;
    }

    /** {@link ChangeKind#ADD_VALUES} for add-only flows on multi-valued targets and for non-assertive role lists. */
    ChangeKind valueChangeKind() {
        return valueChangeKind;
    }

    @Override
    public String toString() {
        return targetAttributeName() + " <- " + (source == null ? "(default " + defaultValue + ")" : source.text());
    }
}

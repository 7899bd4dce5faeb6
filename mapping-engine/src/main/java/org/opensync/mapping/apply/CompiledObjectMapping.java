package org.opensync.mapping.apply;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.opensync.mapping.expression.EvaluationContext;
import org.opensync.mapping.expression.EvaluationEnvironment;
import org.opensync.mapping.expression.EvaluationSignal;
import org.opensync.mapping.expression.FlowControlSignal;
import org.opensync.mapping.expression.ParsedExpression;
import org.opensync.mapping.model.ObjectDefinition;
import org.opensync.mapping.model.ObjectFlowType;
import org.opensync.mapping.model.ObjectMapping;
import org.opensync.mapping.scoping.ScopeDecision;
import org.opensync.mapping.scoping.ScopingFilter;
import org.opensync.mapping.value.ObjectImage;
import org.opensync.mapping.value.Value;

/**
 * An {@code objectMapping} compiled once: expressions parsed and bound, scoping filter compiled, target definitions
 * resolved. Immutable and thread-safe; {@link #apply} is the per-object hot path.
 */
public final class CompiledObjectMapping {
    private final ObjectMapping mapping;
    private final List<CompiledAttributeMapping> attributes;
    private final List<CompiledAttributeMapping> matching;
    private final ScopingFilter scope;
    private final Set<String> sourceAttributes;

    CompiledObjectMapping(ObjectMapping mapping, List<CompiledAttributeMapping> attributes, ScopingFilter scope) {
        this.mapping = mapping;
        this.attributes = List.copyOf(attributes);
        this.matching = attributes.stream().filter(a -> a.definition().matchingPriority() > 0)
                .sorted(Comparator.comparingInt(a -> a.definition().matchingPriority())).toList();
        this.scope = scope;
        Set<String> read = new LinkedHashSet<>();
        attributes.forEach(a -> a.source().ifPresent(source -> read.addAll(source.referencedAttributes())));
        this.sourceAttributes = Collections.unmodifiableSet(read);
    }

    /** Compiles without definitions: attribute names are not checked and values are not typed. */
    public static CompiledObjectMapping compile(ObjectMapping mapping) {
        return compile(mapping, null, null, MappingOptions.DEFAULT);
    }

    /**
     * @param sourceDefinition source object (attribute names checked exactly; null flow gates), may be null
     * @param targetDefinition target object (attribute existence, types, caseExact, multi-valued, required), may be null
     * @throws InvalidMappingException listing every problem with its JSON path
     */
    public static CompiledObjectMapping compile(ObjectMapping mapping, ObjectDefinition sourceDefinition,
            ObjectDefinition targetDefinition, MappingOptions options) {
        return new ObjectMappingCompiler(sourceDefinition, targetDefinition, options).compile(mapping);
    }

    public ObjectMapping mapping() {
        return mapping;
    }

    public List<CompiledAttributeMapping> attributeMappings() {
        return attributes;
    }

    /** Source attributes read by a mapping that calls {@code Redact}: their values are secrets too. */
    public Set<String> secretSourceAttributes() {
        Set<String> secret = new LinkedHashSet<>();
        attributes.forEach(a -> a.source().filter(ParsedExpression::redacts)
                .ifPresent(source -> secret.addAll(source.referencedAttributes())));
        return secret;
    }

    /**
     * Whether a mapping chooses its value with {@code SelectUniqueValue}: creating such objects asks the target which
     * candidates are free, so two creations at once could both take the same one.
     */
    public boolean selectsUniqueValues() {
        return attributes.stream().anyMatch(a -> a.source().flatMap(ParsedExpression::topLevelFunction)
                .filter(ObjectMappingCompiler.SELECT_UNIQUE_VALUE::equals).isPresent());
    }

    /** Source attributes any mapping reads: what a connector needs to fetch. */
    public Set<String> sourceAttributes() {
        return sourceAttributes;
    }

    public boolean enabled() {
        return mapping.enabled();
    }

    /** Whether the mapping's {@code flowTypes} allow this kind of operation (Add, Update, Delete). */
    public boolean allows(ObjectFlowType flowType) {
        return mapping.flowTypes().contains(flowType);
    }

    public ScopeDecision scope(ObjectImage source) {
        return scope.evaluate(source);
    }

    /** Matching attributes in ascending {@code matchingPriority}, with the value each computes for this object. */
    public List<MatchingValue> matchingValues(ObjectImage source, EvaluationEnvironment environment) {
        EvaluationContext context = new EvaluationContext(source, environment);
        List<MatchingValue> values = new ArrayList<>(matching.size());
        for (CompiledAttributeMapping attribute : matching) {
            int priority = attribute.definition().matchingPriority();
            context.beginAttribute(attribute.targetAttributeName());
            try {
                Value value = attribute.source().isPresent() ? attribute.expression().evaluate(context) : Value.NULL;
                values.add(new MatchingValue(attribute.targetAttributeName(), priority, value, null));
            } catch (FlowControlSignal ignored) {
                values.add(new MatchingValue(attribute.targetAttributeName(), priority, Value.NULL, null));
            } catch (EvaluationSignal failure) {
                values.add(new MatchingValue(attribute.targetAttributeName(), priority, Value.NULL, failure.getMessage()));
            }
        }
        return values;
    }

    /**
     * Computes the changes for one object.
     *
     * @param currentTarget the target's current (or last exported) image; null when unknown, in which case
     *                      FlowWhenChanged exports everything computed and add-only flows on update export nothing
     *                      that needs the target to be empty
     */
    public MappingResult apply(ObjectImage source, ObjectImage currentTarget, Operation operation,
            EvaluationEnvironment environment) {
        EvaluationContext context = new EvaluationContext(source, environment);
        AttributeFlow flow = new AttributeFlow(currentTarget, operation, attributes.size());
        for (CompiledAttributeMapping attribute : attributes) {
            if (!flow.apply(attribute, context)) {
                return MappingResult.skipped();
            }
        }
        return flow.result();
    }

    @Override
    public String toString() {
        return "CompiledObjectMapping[" + mapping.name() + ": " + attributes + "]";
    }
}

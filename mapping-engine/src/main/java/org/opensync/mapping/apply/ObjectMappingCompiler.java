package org.opensync.mapping.apply;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.opensync.mapping.expression.Expressions;
import org.opensync.mapping.expression.InvalidExpressionException;
import org.opensync.mapping.expression.ParsedExpression;
import org.opensync.mapping.model.AttributeDefinition;
import org.opensync.mapping.model.AttributeFlowType;
import org.opensync.mapping.model.AttributeMapping;
import org.opensync.mapping.model.ObjectDefinition;
import org.opensync.mapping.model.ObjectMapping;
import org.opensync.mapping.scoping.InvalidScopingFilterException;
import org.opensync.mapping.scoping.ScopingFilter;

/** Validates an object mapping and builds its compiled form, collecting every problem before failing. */
final class ObjectMappingCompiler {
    static final String SELECT_UNIQUE_VALUE = "SelectUniqueValue";

    private final ObjectDefinition sourceDefinition;
    private final ObjectDefinition targetDefinition;
    private final MappingOptions options;
    private final List<String> problems = new ArrayList<>();

    ObjectMappingCompiler(ObjectDefinition sourceDefinition, ObjectDefinition targetDefinition, MappingOptions options) {
        this.sourceDefinition = sourceDefinition;
        this.targetDefinition = targetDefinition;
        this.options = options;
    }

    CompiledObjectMapping compile(ObjectMapping mapping) {
        List<CompiledAttributeMapping> attributes = new ArrayList<>();
        Set<String> targets = new HashSet<>();
        List<AttributeMapping> written = mapping.attributeMappings();
        for (int i = 0; i < written.size(); i++) {
            attribute("attributeMappings[" + i + "]", written.get(i), targets).ifPresent(attributes::add);
        }
        ScopingFilter scope = ScopingFilter.NONE;
        try {
            scope = ScopingFilter.compile(mapping.scope(), sourceDefinition, options.scoping());
        } catch (InvalidScopingFilterException e) {
            e.problems().forEach(problem -> problems.add("scope." + problem));
        }
        if (!problems.isEmpty()) {
            throw new InvalidMappingException(problems);
        }
        return new CompiledObjectMapping(mapping, attributes, scope);
    }

    private Optional<CompiledAttributeMapping> attribute(String path, AttributeMapping mapping, Set<String> targets) {
        String target = mapping.targetAttributeName();
        if (target == null || target.isEmpty()) {
            problems.add(path + ".targetAttributeName: required");
            return Optional.empty();
        }
        if (!targets.add(target)) {
            problems.add(path + ".targetAttributeName: '" + target + "' is mapped more than once");
        }
        AttributeDefinition targetAttribute = targetAttribute(path, target);
        ParsedExpression source = null;
        if (mapping.source() != null) {
            try {
                source = Expressions.fromMappingSource(mapping.source(), sourceDefinition);
            } catch (InvalidExpressionException e) {
                problems.add(path + "." + e.getMessage());
                return Optional.empty();
            }
            selectUniqueValueRules(path, mapping, source);
        } else if (mapping.defaultValue() == null) {
            problems.add(path + ": a mapping without source needs a defaultValue");
        }
        return Optional.of(new CompiledAttributeMapping(mapping, source, targetAttribute,
                nullFlow(source, targetAttribute)));
    }

    private AttributeDefinition targetAttribute(String path, String target) {
        if (targetDefinition == null) {
            return null;
        }
        Optional<AttributeDefinition> declared = targetDefinition.attribute(target);
        if (declared.isEmpty()) {
            problems.add(path + ".targetAttributeName: '" + target + "' is not an attribute of object '"
                    + targetDefinition.name() + "'");
            return null;
        }
        if (declared.get().anchor()) {
            problems.add(path + ".targetAttributeName: '" + target + "' is the target's anchor and cannot be mapped");
        }
        return declared.get();
    }

    /** SelectUniqueValue: not on a matching attribute, and only with "Only during object creation". */
    private void selectUniqueValueRules(String path, AttributeMapping mapping, ParsedExpression source) {
        if (source.topLevelFunction().filter(SELECT_UNIQUE_VALUE::equals).isEmpty()) {
            return;
        }
        if (mapping.matchingPriority() > 0) {
            problems.add(path + ": SelectUniqueValue cannot be used on a matching attribute");
        }
        if (mapping.flowType() != AttributeFlowType.ObjectAddOnly) {
            problems.add(path + ": SelectUniqueValue requires flowType ObjectAddOnly");
        }
    }

    /**
     * Null flow needs three gates: the job type allows it, the target attribute is single-valued and flags
     * {@code flowNullValues} (the wire form of the mapping's "Flow null values"), and every source attribute the
     * expression reads flags {@code flowNullValues}.
     */
    private boolean nullFlow(ParsedExpression source, AttributeDefinition target) {
        if (!options.nullFlowSupported() || source == null || target == null || target.multivalued()
                || !target.flowNullValues() || sourceDefinition == null || source.referencedAttributes().isEmpty()) {
            return false;
        }
        return source.referencedAttributes().stream().allMatch(name -> sourceDefinition.attribute(name)
                .map(AttributeDefinition::flowNullValues).orElse(false));
    }
}

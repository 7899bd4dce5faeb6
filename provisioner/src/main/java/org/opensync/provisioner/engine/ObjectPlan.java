package org.opensync.provisioner.engine;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.opensync.connectors.target.TargetType;
import org.opensync.mapping.apply.CompiledAttributeMapping;
import org.opensync.mapping.apply.CompiledObjectMapping;
import org.opensync.mapping.expression.ParsedExpression;
import org.opensync.mapping.model.AttributeDefinition;
import org.opensync.mapping.model.AttributeMapping;
import org.opensync.mapping.model.AttributeMappingSourceType;
import org.opensync.mapping.model.AttributeType;
import org.opensync.mapping.model.ObjectDefinition;
import org.opensync.mapping.model.ObjectFlowType;

/**
 * How one source object type is provisioned: its compiled object mapping, the target object definition and the
 * target's type for it, and its reference attributes (group members, manager), which hold source DNs that must become
 * target ids; and the target attributes whose mapping calls {@code Redact}, whose values are secrets.
 */
public record ObjectPlan(String sourceType, String label, CompiledObjectMapping mapping, ObjectDefinition target,
                         TargetType type, List<Reference> references, Set<String> redacted) {

    /** A reference target attribute and the source attribute holding the DNs it refers to. */
    public record Reference(String targetAttribute, String sourceAttribute, boolean multivalued) {
    }

    static ObjectPlan of(String sourceType, CompiledObjectMapping mapping, ObjectDefinition target,
                         TargetType type) {
        List<Reference> references = mapping.mapping().attributeMappings().stream()
                .filter(m -> m.source() != null && m.source().type() == AttributeMappingSourceType.Attribute)
                .flatMap(m -> target.attribute(m.targetAttributeName())
                        .filter(definition -> definition.type() == AttributeType.Reference)
                        .map(definition -> new Reference(m.targetAttributeName(), m.source().name(),
                                definition.multivalued())).stream())
                .toList();
        Set<String> redacted = mapping.attributeMappings().stream()
                .filter(m -> m.source().filter(ParsedExpression::redacts).isPresent())
                .map(CompiledAttributeMapping::targetAttributeName).collect(Collectors.toUnmodifiableSet());
        return new ObjectPlan(sourceType, sourceType + " to " + target.name(), mapping, target, type,
                references, redacted);
    }

    public boolean allows(ObjectFlowType flow) {
        return mapping.allows(flow);
    }

    public boolean isReference(String targetAttribute) {
        return references.stream().anyMatch(r -> r.targetAttribute().equals(targetAttribute));
    }

    public Optional<AttributeDefinition> targetAttribute(String name) {
        return target.attribute(name);
    }

    /** Target attribute names the mapping writes, to read them back from a matched object. */
    public List<String> mappedNames() {
        return mapping.mapping().attributeMappings().stream().map(AttributeMapping::targetAttributeName).toList();
    }
}

package org.opensync.provisioner.engine;

import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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
 *
 * <p>Everything is derived from the mapping and the target definition in {@link #of}, so no two parts can disagree.
 */
public final class ObjectPlan {
    private final CompiledObjectMapping mapping;
    private final ObjectDefinition target;
    private final TargetType type;
    private final List<Reference> references;
    private final Set<String> redacted;
    /** Looked up for every attribute of every object provisioned: by name, not by a scan of the definitions. */
    private final Set<String> referenceAttributes;
    private final Map<String, AttributeDefinition> targetAttributes;

    /** A reference target attribute and the source attribute holding the DNs it refers to. */
    public record Reference(String targetAttribute, String sourceAttribute, boolean multivalued) {
    }

    private ObjectPlan(CompiledObjectMapping mapping, ObjectDefinition target, TargetType type) {
        this.mapping = mapping;
        this.target = target;
        this.type = type;
        this.references = mapping.mapping().attributeMappings().stream()
                .filter(m -> m.source() != null && m.source().type() == AttributeMappingSourceType.Attribute)
                .flatMap(m -> target.attribute(m.targetAttributeName())
                        .filter(definition -> definition.type() == AttributeType.Reference)
                        .map(definition -> new Reference(m.targetAttributeName(), m.source().name(),
                                definition.multivalued())).stream())
                .toList();
        this.redacted = mapping.attributeMappings().stream()
                .filter(m -> m.source().filter(ParsedExpression::redacts).isPresent())
                .map(CompiledAttributeMapping::targetAttributeName).collect(Collectors.toUnmodifiableSet());
        // Hash collections that answer a null name, as the scans did, rather than throw; the first declaration wins
        Set<String> referenced = new HashSet<>();
        references.forEach(reference -> referenced.add(reference.targetAttribute()));
        this.referenceAttributes = Collections.unmodifiableSet(referenced);
        Map<String, AttributeDefinition> byName = new HashMap<>();
        target.attributes().stream().filter(definition -> definition.name() != null)
                .forEach(definition -> byName.putIfAbsent(definition.name(), definition));
        this.targetAttributes = Collections.unmodifiableMap(byName);
    }

    static ObjectPlan of(CompiledObjectMapping mapping, ObjectDefinition target, TargetType type) {
        return new ObjectPlan(mapping, target, type);
    }

    public CompiledObjectMapping mapping() {
        return mapping;
    }

    public ObjectDefinition target() {
        return target;
    }

    public TargetType type() {
        return type;
    }

    public List<Reference> references() {
        return references;
    }

    public Set<String> redacted() {
        return redacted;
    }

    public boolean allows(ObjectFlowType flow) {
        return mapping.allows(flow);
    }

    public boolean isReference(String targetAttribute) {
        return referenceAttributes.contains(targetAttribute);
    }

    /** The target's definition of this attribute, matched exactly as {@link ObjectDefinition#attribute} does. */
    public Optional<AttributeDefinition> targetAttribute(String name) {
        return Optional.ofNullable(targetAttributes.get(name));
    }

    /** Target attribute names the mapping writes, to read them back from a matched object. */
    public List<String> mappedNames() {
        return mapping.mapping().attributeMappings().stream().map(AttributeMapping::targetAttributeName).toList();
    }
}

package org.opensync.schemaservice.template;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.opensync.mapping.expression.Expressions;
import org.opensync.mapping.model.AttributeMapping;
import org.opensync.mapping.model.AttributeMappingSource;
import org.opensync.mapping.model.AttributeMappingSourceType;
import org.opensync.mapping.model.ObjectMapping;
import org.opensync.mapping.model.SynchronizationRule;
import org.opensync.mapping.model.SynchronizationSchema;
import org.opensync.mapping.model.SynchronizationTemplate;

/**
 * The templates shipped with the service. Their files write function mappings as expression text only; loading
 * expands them into the full attributeMappingSource tree that Graph clients read.
 */
final class BuiltInTemplates {
    static final List<String> FILES = List.of("templates/scim.json");

    private BuiltInTemplates() {
    }

    static List<TemplateDefinition> load(ObjectMapper mapper) {
        return FILES.stream().map(file -> load(mapper, file)).toList();
    }

    private static TemplateDefinition load(ObjectMapper mapper, String file) {
        try (InputStream in = BuiltInTemplates.class.getClassLoader().getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalStateException("built-in template " + file + " is missing");
            }
            TemplateDefinition definition = mapper.readValue(in, TemplateDefinition.class);
            SynchronizationTemplate template = definition.template();
            return new TemplateDefinition(new SynchronizationTemplate(template.id(), template.applicationId(),
                    template.isDefault(), template.description(), template.discoverable(), template.factoryTag(),
                    template.metadata(), expand(template.schema())), definition.requiredSecrets(),
                    definition.jobSettings());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read built-in template " + file, e);
        }
    }

    private static SynchronizationSchema expand(SynchronizationSchema schema) {
        return new SynchronizationSchema(schema.id(), schema.directories(),
                schema.synchronizationRules().stream().map(BuiltInTemplates::expand).toList(), schema.version());
    }

    private static SynchronizationRule expand(SynchronizationRule rule) {
        return new SynchronizationRule(rule.containerFilter(), rule.editable(), rule.groupFilter(), rule.id(),
                rule.metadata(), rule.name(), rule.objectMappings().stream().map(BuiltInTemplates::expand).toList(),
                rule.priority(), rule.sourceDirectoryName(), rule.targetDirectoryName());
    }

    private static ObjectMapping expand(ObjectMapping mapping) {
        return new ObjectMapping(mapping.attributeMappings().stream().map(BuiltInTemplates::expand).toList(),
                mapping.enabled(), mapping.flowTypes(), mapping.metadata(), mapping.name(), mapping.scope(),
                mapping.sourceObjectName(), mapping.targetObjectName());
    }

    private static AttributeMapping expand(AttributeMapping mapping) {
        AttributeMappingSource source = mapping.source();
        if (source == null || source.type() != AttributeMappingSourceType.Function) {
            return mapping;
        }
        return new AttributeMapping(mapping.defaultValue(), mapping.exportMissingReferences(),
                mapping.flowBehavior(), mapping.flowType(), mapping.matchingPriority(),
                Expressions.parse(source.expression()).toMappingSource(), mapping.targetAttributeName());
    }
}

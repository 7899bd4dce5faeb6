package org.opensync.schemaservice.template;

import java.util.List;
import java.util.Map;
import org.opensync.mapping.model.SynchronizationTemplate;

/**
 * A template file under {@code src/main/resources/templates}: the Graph template, the secrets a job of it needs
 * before it can run, and the settings its jobs start with.
 */
public record TemplateDefinition(SynchronizationTemplate template, List<String> requiredSecrets,
                                 Map<String, String> jobSettings) {
}

package org.opensync.common.events;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What other services need to know about a synchronization template, published by schema-service on the compacted
 * topic {@link Topics#TEMPLATES} (key = template id): the secrets a job of it needs before it can run, and the
 * settings its jobs start with.
 */
public record TemplatePublished(String eventId, Instant occurredAt, String templateId, String factoryTag,
                                List<String> requiredSecrets, Map<String, String> jobSettings) implements Event {
    @Override
    public String key() {
        return templateId;
    }

    /**
     * The {@code templateId} (and key) of a template created through the API for one service principal: template
     * ids are chosen by clients, so only the service principal and the id together name such a template.
     */
    public static String customKey(String servicePrincipalId, String templateId) {
        return servicePrincipalId.toLowerCase(java.util.Locale.ROOT) + "/" + templateId;
    }
}

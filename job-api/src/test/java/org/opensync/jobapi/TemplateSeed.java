package org.opensync.jobapi;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.opensync.common.events.TemplatePublished;
import org.opensync.common.events.Topics;
import org.opensync.testing.EventPublisher;

/**
 * Publishes the template catalogue on the real {@code sync.templates} topic before job-api starts, as
 * schema-service does in the running platform.
 */
public class TemplateSeed implements QuarkusTestResourceLifecycleManager {
    static final List<String> SCIM_REQUIRED_SECRETS = List.of("BaseAddress", "SecretToken");

    @Override
    public Map<String, String> start() {
        EventPublisher.publish(Topics.TEMPLATES, new TemplatePublished(UUID.randomUUID().toString(), Instant.now(),
                "scim", "CustomSCIM", SCIM_REQUIRED_SECRETS, Map.of("QuarantineTooManyDeletesThreshold", "500")));
        EventPublisher.publish(Topics.TEMPLATES, new TemplatePublished(UUID.randomUUID().toString(), Instant.now(),
                "API2SCIM", "API2SCIM", SCIM_REQUIRED_SECRETS, Map.of()));
        return Map.of();
    }

    @Override
    public void stop() {
        // a compacted topic keeps the catalogue for the next run
    }
}

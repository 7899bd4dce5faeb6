package org.opensync.jobapi.template;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.opensync.common.events.TemplatePublished;
import org.opensync.common.inbox.EventConsumer;

/**
 * The templates jobs can be created from, kept in step with schema-service's compacted {@code sync.templates}: the
 * built-in ones, keyed by their id, and those created for one service principal, keyed by service principal and id.
 */
@ApplicationScoped
public class TemplateCatalog {
    private static final String CONSUMER = "job-api.templates";

    private final EventConsumer consumer;

    @Inject
    public TemplateCatalog(EventConsumer consumer) {
        this.consumer = consumer;
    }

    /**
     * A template the service principal can make jobs of: its own (created through the API, announced under
     * {@link TemplatePublished#customKey}) or a built-in one.
     */
    public Optional<SynchronizationTemplate> find(UUID servicePrincipalId, String templateId) {
        return SynchronizationTemplate.<SynchronizationTemplate>findByIdOptional(
                        TemplatePublished.customKey(servicePrincipalId.toString(), templateId))
                .or(() -> templateId.contains("/") ? Optional.empty()
                        : SynchronizationTemplate.findByIdOptional(templateId));
    }

    /** The ids of the templates the service principal can make jobs of; other service principals' stay unseen. */
    public List<String> ids(UUID servicePrincipalId) {
        String own = TemplatePublished.customKey(servicePrincipalId.toString(), "");
        return SynchronizationTemplate.<SynchronizationTemplate>listAll().stream().map(t -> t.id)
                .filter(id -> !id.contains("/") || id.startsWith(own))
                .map(id -> id.startsWith(own) ? id.substring(own.length()) : id).sorted().toList();
    }

    @Incoming("templates")
    @Blocking
    public void onTemplate(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            consumer.inTransaction(CONSUMER, record, () -> SynchronizationTemplate.deleteById(record.key()));
            return;
        }
        consumer.process(CONSUMER, record, TemplatePublished.class, this::store);
    }

    private void store(TemplatePublished published) {
        SynchronizationTemplate template = SynchronizationTemplate.<SynchronizationTemplate>findByIdOptional(
                published.templateId()).orElseGet(SynchronizationTemplate::new);
        template.id = published.templateId();
        template.factoryTag = published.factoryTag();
        template.requiredSecrets = new ArrayList<>(published.requiredSecrets());
        template.jobSettings = new LinkedHashMap<>(published.jobSettings());
        template.updatedAt = Instant.now();
        template.persist();
    }
}

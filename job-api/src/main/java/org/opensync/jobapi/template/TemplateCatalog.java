package org.opensync.jobapi.template;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.opensync.common.events.TemplatePublished;
import org.opensync.common.inbox.EventConsumer;

/** The templates jobs can be created from, kept in step with schema-service's compacted {@code sync.templates}. */
@ApplicationScoped
public class TemplateCatalog {
    private static final String CONSUMER = "job-api.templates";

    private final EventConsumer consumer;

    @Inject
    public TemplateCatalog(EventConsumer consumer) {
        this.consumer = consumer;
    }

    public Optional<SynchronizationTemplate> find(String templateId) {
        return SynchronizationTemplate.findByIdOptional(templateId);
    }

    public List<String> ids() {
        return SynchronizationTemplate.<SynchronizationTemplate>listAll().stream().map(t -> t.id).sorted().toList();
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

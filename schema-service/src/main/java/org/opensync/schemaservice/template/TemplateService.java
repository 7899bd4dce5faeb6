package org.opensync.schemaservice.template;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.opensync.common.events.TemplatePublished;
import org.opensync.common.events.Topics;
import org.opensync.common.outbox.Outbox;
import org.opensync.common.web.GraphException;
import org.opensync.mapping.model.SynchronizationTemplate;

/**
 * The template catalogue. Built-in templates are written to the database at start-up when they changed, and each
 * change is announced on {@code sync.templates} so that job-api knows which templates jobs can be created from.
 */
@ApplicationScoped
public class TemplateService {
    private static final Logger LOG = Logger.getLogger(TemplateService.class);

    private final ObjectMapper mapper;
    private final Outbox outbox;

    @Inject
    public TemplateService(ObjectMapper mapper, Outbox outbox) {
        this.mapper = mapper;
        this.outbox = outbox;
    }

    @Transactional
    void installBuiltIns(@Observes StartupEvent startup) {
        for (TemplateDefinition definition : BuiltInTemplates.load(mapper)) {
            install(definition);
        }
    }

    public List<SynchronizationTemplate> list() {
        return TemplateEntity.<TemplateEntity>list("order by id").stream().map(this::template).toList();
    }

    public SynchronizationTemplate require(String templateId) {
        return template(TemplateEntity.<TemplateEntity>findByIdOptional(templateId).orElseThrow(
                () -> GraphException.notFound("The synchronization template '" + templateId + "' does not exist.")));
    }

    private void install(TemplateDefinition definition) {
        SynchronizationTemplate template = definition.template();
        JsonNode body = mapper.valueToTree(template);
        TemplateEntity stored = TemplateEntity.findById(template.id());
        if (stored != null && stored.body.equals(body)
                && Objects.equals(stored.requiredSecrets, definition.requiredSecrets())
                && Objects.equals(stored.jobSettings, definition.jobSettings())) {
            return;
        }
        TemplateEntity entity = stored == null ? new TemplateEntity() : stored;
        entity.id = template.id();
        entity.body = body;
        entity.requiredSecrets = new ArrayList<>(definition.requiredSecrets());
        entity.jobSettings = new LinkedHashMap<>(definition.jobSettings());
        entity.builtIn = true;
        entity.updatedAt = Instant.now();
        entity.persist();
        outbox.publish(Topics.TEMPLATES, new TemplatePublished(UUID.randomUUID().toString(), Instant.now(),
                template.id(), template.factoryTag(), entity.requiredSecrets, entity.jobSettings));
        LOG.infof("template %s installed", template.id());
    }

    private SynchronizationTemplate template(TemplateEntity entity) {
        try {
            return mapper.treeToValue(entity.body, SynchronizationTemplate.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored template " + entity.id + " is unreadable", e);
        }
    }
}

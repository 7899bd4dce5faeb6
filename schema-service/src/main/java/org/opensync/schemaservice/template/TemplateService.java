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
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.jboss.logging.Logger;
import org.opensync.common.events.TemplatePublished;
import org.opensync.common.events.Topics;
import org.opensync.common.outbox.Outbox;
import org.opensync.common.web.GraphException;
import org.opensync.mapping.model.SynchronizationSchema;
import org.opensync.mapping.model.SynchronizationTemplate;

/**
 * The template catalogue: the built-in templates, offered to every service principal, and the templates created
 * through the API for one service principal. Built-in templates are written to the database at start-up when they
 * changed; every template jobs can be made of is announced on {@code sync.templates} so that job-api knows it.
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

    /** The built-in templates, then those of the service principal in {@code tenant}, each by id. */
    public List<SynchronizationTemplate> list(UUID tenant, String servicePrincipalId) {
        Stream<SynchronizationTemplate> builtIn = TemplateEntity.<TemplateEntity>list("order by id").stream()
                .map(entity -> read(entity.body));
        Stream<SynchronizationTemplate> custom = CustomTemplateEntity.<CustomTemplateEntity>list(
                        "tenantId = ?1 and servicePrincipalId = ?2 order by templateId", tenant,
                        servicePrincipalId.toLowerCase(java.util.Locale.ROOT)).stream()
                .map(entity -> read(entity.body));
        return Stream.concat(builtIn, custom).toList();
    }

    /** A template the service principal may use: its own (in {@code tenant}) or a built-in one; 404 otherwise. */
    public SynchronizationTemplate require(UUID tenant, String servicePrincipalId, String templateId) {
        Optional<CustomTemplateEntity> custom = custom(servicePrincipalId, templateId)
                .filter(entity -> entity.tenantId.equals(tenant));
        if (custom.isPresent()) {
            return read(custom.get().body);
        }
        return builtIn(templateId).map(entity -> read(entity.body)).orElseThrow(() -> notFound(templateId));
    }

    public Optional<TemplateEntity> builtIn(String templateId) {
        return TemplateEntity.findByIdOptional(templateId);
    }

    public Optional<CustomTemplateEntity> custom(String servicePrincipalId, String templateId) {
        return CustomTemplateEntity.findByIdOptional(TemplatePublished.customKey(servicePrincipalId, templateId));
    }

    /**
     * The schema a new job of the service principal starts with. job-api created the job in the caller's tenant
     * from a template it offered, so the template is looked up without a caller.
     */
    public Optional<SynchronizationSchema> schemaForJobs(String servicePrincipalId, String templateId) {
        return custom(servicePrincipalId, templateId).map(entity -> entity.body)
                .or(() -> builtIn(templateId).map(entity -> entity.body))
                .map(body -> read(body).schema());
    }

    /** The schema of the built-in template with {@code factoryTag}: what a custom template's schema resets to. */
    public Optional<SynchronizationSchema> defaultSchema(String factoryTag) {
        return TemplateEntity.<TemplateEntity>listAll().stream().filter(entity -> entity.builtIn)
                .map(entity -> read(entity.body))
                .filter(template -> factoryTag != null && factoryTag.equals(template.factoryTag()))
                .map(SynchronizationTemplate::schema).findFirst();
    }

    /**
     * Announces a custom template to job-api: jobs of it need the secrets, and start with the settings, of the
     * built-in template with the same factoryTag (the engine it selects).
     */
    void announce(CustomTemplateEntity entity, String factoryTag) {
        Optional<TemplateEntity> engine = TemplateEntity.<TemplateEntity>listAll().stream()
                .filter(builtIn -> factoryTag != null && factoryTag.equals(read(builtIn.body).factoryTag()))
                .findFirst();
        outbox.publish(Topics.TEMPLATES, new TemplatePublished(UUID.randomUUID().toString(), Instant.now(),
                entity.key, factoryTag, engine.map(e -> e.requiredSecrets).orElse(List.of()),
                engine.map(e -> e.jobSettings).orElse(Map.of())));
    }

    void withdraw(CustomTemplateEntity entity) {
        outbox.publishTombstone(Topics.TEMPLATES, entity.key);
    }

    SynchronizationTemplate read(JsonNode body) {
        try {
            return mapper.treeToValue(body, SynchronizationTemplate.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored template is unreadable", e);
        }
    }

    static GraphException notFound(String templateId) {
        return GraphException.notFound("The synchronization template '" + templateId + "' does not exist.");
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
}

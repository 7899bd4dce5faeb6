package org.opensync.schemaservice.template;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.opensync.common.events.TemplatePublished;
import org.opensync.common.security.Caller;
import org.opensync.common.security.GraphPermissions;
import org.opensync.common.web.ErrorCode;
import org.opensync.common.web.GraphException;
import org.opensync.common.web.JsonPaths;
import org.opensync.mapping.model.SynchronizationSchema;
import org.opensync.mapping.model.SynchronizationTemplate;
import org.opensync.schemaservice.schema.JobSchemaEntity;
import org.opensync.schemaservice.schema.SchemaDocuments;
import org.opensync.schemaservice.schema.SchemaOwner;

/**
 * Templates created through the API (POST, PUT/PATCH as full replacement, DELETE) and the schemas of templates.
 * Each belongs to one service principal in one tenant; others get 404 as for a template that does not exist.
 * Built-in templates are shared by every service principal and cannot be changed through the API (403 notAllowed).
 */
@ApplicationScoped
public class CustomTemplateService implements SchemaOwner {
    /** Template ids travel in job ids and, with the service principal id, in sync.templates keys. */
    static final int ID_LENGTH = 60;

    private final TemplateService templates;
    private final SchemaDocuments documents;
    private final ObjectMapper mapper;
    private final Caller caller;

    @Inject
    public CustomTemplateService(TemplateService templates, SchemaDocuments documents, ObjectMapper mapper,
                                 Caller caller) {
        this.templates = templates;
        this.documents = documents;
        this.mapper = mapper;
        this.caller = caller;
    }

    /** @return the template as stored; 409 when the service principal has a template of that id, or one is built in */
    @Transactional
    public SynchronizationTemplate create(String servicePrincipalId, JsonNode body) {
        requireObjectId(servicePrincipalId);
        ObjectNode template = object(body);
        if (!template.hasNonNull("id")) {
            template.put("id", UUID.randomUUID().toString());
        }
        String owner = caller.limitedToOwned(GraphPermissions.SYNCHRONIZATION_READ_WRITE)
                ? caller.application().orElse(null) : null;
        caller.requireOn(owner, GraphPermissions.SYNCHRONIZATION_READ_WRITE);
        String templateId = id(template.path("id"));
        if (templates.builtIn(templateId).isPresent() || templates.custom(servicePrincipalId, templateId).isPresent()) {
            throw new GraphException(409, ErrorCode.NAME_ALREADY_EXISTS, "A synchronization template with id '"
                    + templateId + "' exists for this service principal already.", "id");
        }
        CustomTemplateEntity entity = new CustomTemplateEntity();
        entity.key = TemplatePublished.customKey(servicePrincipalId, templateId);
        entity.tenantId = caller.tenant();
        entity.servicePrincipalId = servicePrincipalId.toLowerCase(Locale.ROOT);
        entity.templateId = templateId;
        entity.ownerAppId = owner;
        SynchronizationTemplate properties = properties(template);
        SynchronizationSchema schema = template.hasNonNull("schema")
                ? documents.accepted(documents.changes(template.get("schema")))
                : templates.defaultSchema(properties.factoryTag()).orElse(EMPTY);
        store(entity, properties, schema, null);
        return templates.read(entity.body);
    }

    /**
     * PUT and PATCH replace the whole template (properties missing from the body are cleared), except its schema,
     * which is kept when the body has none. A PATCH without properties changes nothing.
     */
    @Transactional
    public void replace(String servicePrincipalId, String templateId, JsonNode body, boolean patch) {
        ObjectNode template = object(body);
        if (patch && template.properties().stream().allMatch(p -> p.getKey().startsWith("@"))) {
            requireWritable(servicePrincipalId, templateId);
            return;
        }
        if (template.hasNonNull("id") && !templateId.equals(template.path("id").asText())) {
            throw GraphException.badRequest("The id in the body must be the template's id, '" + templateId + "'.",
                    "id");
        }
        CustomTemplateEntity entity = writable(servicePrincipalId, templateId, true);
        template.put("id", templateId);
        SynchronizationTemplate properties = properties(template);
        SynchronizationSchema schema = template.hasNonNull("schema")
                ? documents.accepted(documents.changes(template.get("schema")))
                : templates.read(entity.body).schema();
        store(entity, properties, schema, templates.read(entity.body).schema().version());
    }

    /** 409 while jobs of the service principal are made from the template. */
    @Transactional
    public void delete(String servicePrincipalId, String templateId) {
        CustomTemplateEntity entity = writable(servicePrincipalId, templateId, true);
        if (JobSchemaEntity.count("lower(servicePrincipalId) = ?1 and templateId = ?2",
                entity.servicePrincipalId, templateId) > 0) {
            throw new GraphException(409, ErrorCode.CONFLICT, "Jobs of this service principal are made from the "
                    + "template '" + templateId + "'; delete them first.", null);
        }
        entity.delete();
        templates.withdraw(entity);
    }

    @Override
    public SynchronizationSchema schema(String servicePrincipalId, String templateId) {
        return templates.require(caller.tenant(), servicePrincipalId, templateId).schema();
    }

    @Override
    @Transactional
    public void edit(String servicePrincipalId, String templateId, String ifMatch, Consumer<ObjectNode> change) {
        CustomTemplateEntity entity = writable(servicePrincipalId, templateId, true);
        SynchronizationTemplate current = templates.read(entity.body);
        SchemaDocuments.requireVersion(ifMatch, current.schema().version());
        ObjectNode schema = mapper.valueToTree(current.schema());
        change.accept(schema);
        store(entity, current, documents.accepted(schema), current.schema().version());
    }

    @Override
    public void requireWritable(String servicePrincipalId, String templateId) {
        writable(servicePrincipalId, templateId, false);
    }

    /** Back to the schema of the built-in template with the same factoryTag (empty when there is none). */
    @Override
    @Transactional
    public void reset(String servicePrincipalId, String templateId) {
        CustomTemplateEntity entity = writable(servicePrincipalId, templateId, true);
        SynchronizationTemplate current = templates.read(entity.body);
        store(entity, current, templates.defaultSchema(current.factoryTag()).orElse(EMPTY),
                current.schema().version());
    }

    private static final SynchronizationSchema EMPTY = new SynchronizationSchema(null, null, null, null);

    /**
     * The service principal's own template, when the caller may change it: 403 notAllowed for a built-in one, 404
     * for one of another service principal or tenant.
     */
    private CustomTemplateEntity writable(String servicePrincipalId, String templateId, boolean lock) {
        String key = TemplatePublished.customKey(servicePrincipalId, templateId);
        Optional<CustomTemplateEntity> found = lock
                ? CustomTemplateEntity.findByIdOptional(key, LockModeType.PESSIMISTIC_WRITE)
                : CustomTemplateEntity.findByIdOptional(key);
        Optional<CustomTemplateEntity> own = found.filter(entity -> entity.tenantId.equals(caller.tenant()));
        if (own.isEmpty()) {
            if (templates.builtIn(templateId).isPresent()) {
                throw new GraphException(403, ErrorCode.METHOD_NOT_ALLOWED, "The template '" + templateId
                        + "' is built in and read-only; create a template of your own (POST .../templates) to change "
                        + "it.", null);
            }
            throw TemplateService.notFound(templateId);
        }
        caller.requireOn(own.get().ownerAppId, GraphPermissions.SYNCHRONIZATION_READ_WRITE);
        return own.get();
    }

    private void store(CustomTemplateEntity entity, SynchronizationTemplate properties, SynchronizationSchema schema,
                       String previousVersion) {
        Instant now = SchemaDocuments.nextVersionTime(previousVersion);
        ObjectNode body = mapper.valueToTree(new SynchronizationTemplate(entity.templateId,
                properties.applicationId(), properties.isDefault(), properties.description(),
                properties.discoverable(), properties.factoryTag(), properties.metadata(), null));
        body.set("schema", documents.stored(entity.templateId, schema, SchemaDocuments.version(now)));
        documents.checkSizes(body);
        entity.body = body;
        entity.updatedAt = now;
        entity.persist();
        templates.announce(entity, properties.factoryTag());
    }

    /** The template's own properties, read as Graph's synchronizationTemplate; 400 naming a bad value's path. */
    private SynchronizationTemplate properties(ObjectNode template) {
        ObjectNode properties = template.deepCopy();
        properties.remove("schema");
        documents.checkSizes(properties);
        try {
            return mapper.treeToValue(properties, SynchronizationTemplate.class);
        } catch (JsonMappingException e) {
            String path = JsonPaths.of(e);
            throw GraphException.badRequest("Invalid value at '" + path + "': " + e.getOriginalMessage(), path);
        } catch (JsonProcessingException e) {
            throw GraphException.badRequest("The template cannot be read: " + e.getOriginalMessage());
        }
    }

    /** job-api forwards with the service principal's object id; anything else names no service principal. */
    private static void requireObjectId(String servicePrincipalId) {
        try {
            UUID.fromString(servicePrincipalId);
        } catch (IllegalArgumentException e) {
            throw GraphException.notFound("The service principal '" + servicePrincipalId + "' does not exist.");
        }
    }

    private static String id(JsonNode id) {
        String text = id.isTextual() ? id.asText() : "";
        if (text.isBlank() || text.length() > ID_LENGTH || text.contains("/") || !text.strip().equals(text)) {
            throw GraphException.badRequest("A template id is a string of 1 to " + ID_LENGTH
                    + " characters without '/' or surrounding spaces.", "id");
        }
        return text;
    }

    private static ObjectNode object(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw GraphException.badRequest("The request body must be a synchronizationTemplate object.");
        }
        return ((ObjectNode) body).deepCopy();
    }
}

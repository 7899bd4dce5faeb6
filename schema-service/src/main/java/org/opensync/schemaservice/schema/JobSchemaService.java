package org.opensync.schemaservice.schema;

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
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.UUID;
import org.opensync.common.events.JobCommand;
import org.opensync.common.events.JobSchemaPublished;
import org.opensync.common.events.Topics;
import org.opensync.common.outbox.Outbox;
import org.opensync.common.security.Caller;
import org.opensync.common.tenancy.Tenants;
import org.opensync.common.security.GraphPermissions;
import org.opensync.common.web.GraphException;
import org.opensync.common.web.JsonPaths;
import org.opensync.mapping.model.SynchronizationSchema;
import org.opensync.schemaservice.config.SchemaServiceConfig;
import org.opensync.schemaservice.template.TemplateService;

/**
 * Job schemas: copied from the template when the job is created, replaced (PUT), merged (PATCH: top-level
 * properties present in the body replace the stored ones) or reset to the template (DELETE). Every stored change
 * gets a new {@code version} and is published, in the same transaction, on the compacted {@code sync.schemas}.
 */
@ApplicationScoped
public class JobSchemaService {
    /** What a client may change; {@code id} and {@code version} belong to the server. */
    private static final Set<String> WRITABLE = Set.of("directories", "synchronizationRules");
    private static final String VERSION_PREFIX = "date:";
    private static final DateTimeFormatter VERSION_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private final ObjectMapper mapper;
    private final Outbox outbox;
    private final TemplateService templates;
    private final SchemaValidator validator;
    private final Caller caller;
    private final SchemaLimits limits;

    @Inject
    public JobSchemaService(ObjectMapper mapper, Outbox outbox, TemplateService templates, SchemaValidator validator,
                            Caller caller, SchemaServiceConfig config) {
        this.limits = new SchemaLimits(config.limits(), mapper);
        this.mapper = mapper;
        this.outbox = outbox;
        this.templates = templates;
        this.validator = validator;
        this.caller = caller;
    }

    /** Idempotent: a redelivered JobCreated leaves an existing (possibly edited) schema alone. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void createFromTemplate(JobCommand.JobCreated created) {
        if (JobSchemaEntity.findById(created.jobId()) != null) {
            return;
        }
        JobSchemaEntity entity = new JobSchemaEntity();
        entity.jobId = created.jobId();
        entity.servicePrincipalId = created.servicePrincipalId();
        entity.templateId = created.templateId();
        entity.ownerAppId = created.ownerAppId();
        store(entity, templates.require(created.templateId()).schema());
    }

    public SynchronizationSchema get(String servicePrincipalId, String jobId) {
        return read(require(servicePrincipalId, jobId, GraphPermissions.SYNCHRONIZATION_READ, false));
    }

    /**
     * Writes lock the job's row first: concurrent writes of one schema are applied one after the other, each to
     * what the previous one committed (a PATCH never merges into a stale copy), and their events reach the outbox
     * in commit order with increasing versions.
     */
    @Transactional
    public void replace(String servicePrincipalId, String jobId, JsonNode body) {
        JobSchemaEntity entity = require(servicePrincipalId, jobId, GraphPermissions.SYNCHRONIZATION_READ_WRITE, true);
        ObjectNode schema = writable(object(body));
        limits.check(schema);
        store(entity, validated(schema));
    }

    @Transactional
    public void merge(String servicePrincipalId, String jobId, JsonNode body) {
        JobSchemaEntity entity = require(servicePrincipalId, jobId, GraphPermissions.SYNCHRONIZATION_READ_WRITE, true);
        ObjectNode changes = writable(object(body));
        limits.check(changes);
        ObjectNode merged = entity.schema.deepCopy();
        merged.setAll(changes);
        limits.check(merged);
        store(entity, validated(merged));
    }

    @Transactional
    public void reset(String servicePrincipalId, String jobId) {
        JobSchemaEntity entity = require(servicePrincipalId, jobId, GraphPermissions.SYNCHRONIZATION_READ_WRITE, true);
        store(entity, templates.require(entity.templateId).schema());
    }

    /** Checks an expression sent to parseExpression against the same limit as a schema's expressions. */
    public void checkExpression(String expression) {
        limits.checkExpression(expression, "expression");
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void delete(String jobId) {
        if (JobSchemaEntity.deleteById(jobId)) {
            outbox.publishTombstone(Topics.SCHEMAS, jobId);
        }
    }

    /**
     * The job's schema, when the job belongs to the caller's tenant (its id names the tenant; 404 otherwise, as for a
     * job that does not exist) and the caller may act on it with {@code permission} or as the owning application. job-api
     * resolved the {@code servicePrincipals(appId='...')} form before forwarding, so ids compare.
     */
    private JobSchemaEntity require(String servicePrincipalId, String jobId, String permission, boolean forWrite) {
        java.util.Optional<JobSchemaEntity> found = forWrite
                ? JobSchemaEntity.findByIdOptional(jobId, LockModeType.PESSIMISTIC_WRITE)
                : JobSchemaEntity.findByIdOptional(jobId);
        JobSchemaEntity entity = found
                .filter(schema -> schema.servicePrincipalId.equalsIgnoreCase(servicePrincipalId)
                        && Tenants.owns(caller.tenant(), schema.jobId))
                .orElseThrow(() -> GraphException.notFound("The synchronization job '" + jobId
                        + "' does not exist for this service principal, or its schema is not created yet."));
        caller.requireOn(entity.ownerAppId, permission);
        return entity;
    }

    private SynchronizationSchema validated(ObjectNode body) {
        SynchronizationSchema schema;
        try {
            schema = mapper.treeToValue(body, SynchronizationSchema.class);
        } catch (JsonMappingException e) {
            String path = JsonPaths.of(e);
            throw GraphException.badRequest("Invalid value at '" + path + "': " + e.getOriginalMessage(), path);
        } catch (JsonProcessingException e) {
            throw GraphException.badRequest("The schema cannot be read: " + e.getOriginalMessage());
        }
        validator.validate(schema);
        return schema;
    }

    /**
     * Saves a new revision. Its {@code version} ({@code date:} and the UTC time to the millisecond, fixed width) is
     * later than the previous one's even when the clock is not, so versions of one job order as text and as time
     * in commit order: a mirror can tell a newer schema from an older one.
     */
    private void store(JobSchemaEntity entity, SynchronizationSchema schema) {
        Instant now = nextVersionTime(entity.version);
        String version = VERSION_PREFIX + VERSION_TIME.format(now);
        SynchronizationSchema stored = new SynchronizationSchema(entity.jobId, schema.directories(),
                schema.synchronizationRules(), version);
        entity.schema = mapper.valueToTree(stored);
        entity.version = version;
        entity.updatedAt = now;
        entity.persist();
        // the revision is incremented when the change is flushed: flushed first, the event carries the new one
        JobSchemaEntity.flush();
        outbox.publish(Topics.SCHEMAS, new JobSchemaPublished(UUID.randomUUID().toString(), now, entity.jobId,
                entity.servicePrincipalId, entity.templateId, version, entity.schema, entity.revision));
    }

    static Instant nextVersionTime(String previousVersion) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        if (previousVersion == null || !previousVersion.startsWith(VERSION_PREFIX)) {
            return now;
        }
        try {
            Instant previous = Instant.parse(previousVersion.substring(VERSION_PREFIX.length()));
            return now.isAfter(previous) ? now : previous.truncatedTo(ChronoUnit.MILLIS).plusMillis(1);
        } catch (java.time.format.DateTimeParseException e) {
            return now;
        }
    }

    private SynchronizationSchema read(JobSchemaEntity entity) {
        try {
            return mapper.treeToValue(entity.schema, SynchronizationSchema.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored schema of " + entity.jobId + " is unreadable", e);
        }
    }

    private static ObjectNode object(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw GraphException.badRequest("The request body must be a synchronizationSchema object.");
        }
        return (ObjectNode) body;
    }

    private static ObjectNode writable(ObjectNode body) {
        ObjectNode copy = body.deepCopy();
        copy.retain(WRITABLE);
        return copy;
    }
}

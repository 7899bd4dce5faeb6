package org.opensync.schemaservice.schema;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.opensync.common.events.JobCommand;
import org.opensync.common.events.JobSchemaPublished;
import org.opensync.common.events.Topics;
import org.opensync.common.events.UnreadableEventException;
import org.opensync.common.outbox.Outbox;
import org.opensync.common.security.Caller;
import org.opensync.common.security.GraphPermissions;
import org.opensync.common.tenancy.Tenants;
import org.opensync.common.web.GraphException;
import org.opensync.mapping.model.SynchronizationSchema;
import org.opensync.schemaservice.template.TemplateService;

/**
 * Job schemas: copied from the template when the job is created, replaced (PUT), merged (PATCH: top-level
 * properties present in the body replace the stored ones), edited directory by directory, or reset to the template
 * (DELETE). Every stored change gets a new {@code version} and is published, in the same transaction, on the
 * compacted {@code sync.schemas}.
 */
@ApplicationScoped
public class JobSchemaService implements SchemaOwner {
    private final Outbox outbox;
    private final TemplateService templates;
    private final SchemaDocuments documents;
    private final Caller caller;

    @Inject
    public JobSchemaService(Outbox outbox, TemplateService templates, SchemaDocuments documents, Caller caller) {
        this.outbox = outbox;
        this.templates = templates;
        this.documents = documents;
        this.caller = caller;
    }

    /**
     * Idempotent: a redelivered JobCreated leaves an existing (possibly edited) schema alone. A JobCreated naming a
     * template this service does not have (deleted in a race with the job's creation) can never be processed: it is
     * set aside on the dead-letter topic rather than holding up the jobs behind it.
     */
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
        store(entity, templates.schemaForJobs(created.servicePrincipalId(), created.templateId()).orElseThrow(
                () -> new UnreadableEventException("job " + created.jobId() + " is made of template '"
                        + created.templateId() + "', which schema-service does not have")));
    }

    @Override
    public SynchronizationSchema schema(String servicePrincipalId, String jobId) {
        return documents.read(require(servicePrincipalId, jobId, GraphPermissions.SYNCHRONIZATION_READ, false).schema);
    }

    /**
     * Writes lock the job's row first: concurrent writes of one schema are applied one after the other, each to
     * what the previous one committed (a PATCH never merges into a stale copy), and their events reach the outbox
     * in commit order with increasing versions.
     */
    @Override
    @Transactional
    public void edit(String servicePrincipalId, String jobId, String ifMatch, Consumer<ObjectNode> change) {
        JobSchemaEntity entity = require(servicePrincipalId, jobId, GraphPermissions.SYNCHRONIZATION_READ_WRITE, true);
        SchemaDocuments.requireVersion(ifMatch, entity.version);
        ObjectNode schema = entity.schema.deepCopy();
        change.accept(schema);
        store(entity, documents.accepted(schema));
    }

    @Override
    public void requireWritable(String servicePrincipalId, String jobId) {
        require(servicePrincipalId, jobId, GraphPermissions.SYNCHRONIZATION_READ_WRITE, false);
    }

    @Override
    @Transactional
    public void reset(String servicePrincipalId, String jobId) {
        JobSchemaEntity entity = require(servicePrincipalId, jobId, GraphPermissions.SYNCHRONIZATION_READ_WRITE, true);
        store(entity, templates.schemaForJobs(entity.servicePrincipalId, entity.templateId).orElseThrow(
                () -> GraphException.notFound("The template '" + entity.templateId + "' of this job does not exist "
                        + "any more; the schema cannot be reset to it.")));
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
        Optional<JobSchemaEntity> found = forWrite
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

    /** Saves a new revision with a new version and publishes it. */
    private void store(JobSchemaEntity entity, SynchronizationSchema schema) {
        Instant now = SchemaDocuments.nextVersionTime(entity.version);
        String version = SchemaDocuments.version(now);
        entity.schema = documents.stored(entity.jobId, schema, version);
        entity.version = version;
        entity.updatedAt = now;
        entity.persist();
        // the revision is incremented when the change is flushed: flushed first, the event carries the new one
        JobSchemaEntity.flush();
        outbox.publish(Topics.SCHEMAS, new JobSchemaPublished(UUID.randomUUID().toString(), now, entity.jobId,
                entity.servicePrincipalId, entity.templateId, version, entity.schema, entity.revision));
    }
}

package org.opensync.common.mirror;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hibernate.query.NativeQuery;
import org.opensync.common.kafka.EventRecords;
import org.opensync.common.events.JobSchemaPublished;

/**
 * This service's copy of {@code sync.schemas}: the effective schema of every job, as schema-service published it.
 * A service feeds it from its own {@code @Incoming} method and parses the schema JSON with the mapping engine.
 */
@ApplicationScoped
public class SchemaMirror {
    private final EntityManager entityManager;

    @Inject
    public SchemaMirror(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** The job's schema as last published. */
    public record MirroredSchema(String jobId, String servicePrincipalId, String templateId, String version,
                                 String schemaJson) {
    }

    /**
     * Newer records replace older ones; a record with a lower revision than the stored one (re-delivered, or
     * overtaken) is ignored, and one without a revision (published before revisions were sent) is applied. A
     * tombstone (deleted job) removes the copy.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            entityManager.createNativeQuery("delete from mirrored_schema where job_id = ?1")
                    .setParameter(1, record.key()).executeUpdate();
            return;
        }
        JobSchemaPublished published = EventRecords.decode(record, JobSchemaPublished.class);
        entityManager.createNativeQuery("""
                        insert into mirrored_schema (job_id, service_principal_id, template_id, version, schema,
                            revision, updated_at)
                        values (?1, ?2, ?3, ?4, ?5, ?6, now())
                        on conflict (job_id) do update set service_principal_id = excluded.service_principal_id,
                            template_id = excluded.template_id, version = excluded.version, schema = excluded.schema,
                            revision = excluded.revision, updated_at = now()
                        where excluded.revision is null or mirrored_schema.revision is null
                            or excluded.revision >= mirrored_schema.revision""")
                // typed, so that a missing (legacy) number binds as a null bigint
                .unwrap(NativeQuery.class)
                .setParameter(1, published.jobId()).setParameter(2, published.servicePrincipalId())
                .setParameter(3, published.templateId()).setParameter(4, published.schemaVersion())
                .setParameter(5, published.schema().toString())
                .setParameter(6, published.schemaRevision(), Long.class).executeUpdate();
    }

    @Transactional
    public Optional<MirroredSchema> schemaOf(String jobId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery(
                        "select job_id, service_principal_id, template_id, version, schema from mirrored_schema "
                                + "where job_id = ?1")
                .setParameter(1, jobId).getResultList();
        return rows.stream().findFirst().map(row -> new MirroredSchema((String) row[0], (String) row[1],
                (String) row[2], (String) row[3], (String) row[4]));
    }
}

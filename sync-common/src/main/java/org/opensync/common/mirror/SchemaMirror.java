package org.opensync.common.mirror;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.opensync.common.events.EventCodec;
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

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            entityManager.createNativeQuery("delete from mirrored_schema where job_id = ?1")
                    .setParameter(1, record.key()).executeUpdate();
            return;
        }
        JobSchemaPublished published = EventCodec.decode(record.value(), JobSchemaPublished.class);
        entityManager.createNativeQuery("""
                        insert into mirrored_schema (job_id, service_principal_id, template_id, version, schema, updated_at)
                        values (?1, ?2, ?3, ?4, ?5, now())
                        on conflict (job_id) do update set service_principal_id = excluded.service_principal_id,
                            template_id = excluded.template_id, version = excluded.version, schema = excluded.schema,
                            updated_at = now()""")
                .setParameter(1, published.jobId()).setParameter(2, published.servicePrincipalId())
                .setParameter(3, published.templateId()).setParameter(4, published.schemaVersion())
                .setParameter(5, published.schema().toString()).executeUpdate();
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

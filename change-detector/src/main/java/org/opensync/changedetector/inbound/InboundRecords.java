package org.opensync.changedetector.inbound;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.opensync.common.events.EventCodec;
import org.opensync.common.events.InboundRecordReceived;
import org.opensync.common.mirror.MirrorConsumers;

/** The uploaded users of each API-sourced job that no cycle has published yet, in upload order. */
@ApplicationScoped
public class InboundRecords {
    private final EntityManager entityManager;

    /** A stored record: {@code seq} orders it within its job. */
    public record Stored(String recordId, long seq, String bulkId, String externalId, ObjectNode user) {
    }

    @Inject
    public InboundRecords(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Within the consumer's transaction; a record delivered again is stored once. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void store(InboundRecordReceived record) {
        entityManager.createNativeQuery("""
                        insert into inbound_record (record_id, job_id, upload_id, bulk_id, external_id, scim_user,
                            received_at) values (?1, ?2, ?3, ?4, ?5, ?6, ?7)
                        on conflict (record_id) do nothing""")
                .setParameter(1, record.eventId()).setParameter(2, record.jobId())
                .setParameter(3, record.uploadId()).setParameter(4, record.bulkId())
                .setParameter(5, record.externalId()).setParameter(6, record.user().toString())
                .setParameter(7, OffsetDateTime.ofInstant(record.occurredAt(), ZoneOffset.UTC)).executeUpdate();
    }

    /** At most {@code limit} records of the job after {@code afterSeq}, oldest first. */
    @Transactional
    public List<Stored> page(String jobId, long afterSeq, int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        select record_id, seq, bulk_id, external_id, scim_user from inbound_record
                        where job_id = ?1 and seq > ?2 order by seq limit ?3""")
                .setParameter(1, jobId).setParameter(2, afterSeq).setParameter(3, limit).getResultList();
        return rows.stream().map(row -> new Stored((String) row[0], ((Number) row[1]).longValue(), (String) row[2],
                (String) row[3], user((String) row[4]))).toList();
    }

    /** Records whose changes Kafka acknowledged. */
    @Transactional
    public void done(List<String> recordIds) {
        if (recordIds.isEmpty()) {
            return;
        }
        entityManager.createNativeQuery("delete from inbound_record where record_id = any(?1)")
                .setParameter(1, recordIds.toArray(String[]::new)).executeUpdate();
    }

    @Transactional
    public long count(String jobId) {
        return ((Number) entityManager.createNativeQuery("select count(*) from inbound_record where job_id = ?1")
                .setParameter(1, jobId).getSingleResult()).longValue();
    }

    /** The uploads of a deleted job go with it. */
    void forget(@Observes MirrorConsumers.JobRemoved removed) {
        entityManager.createNativeQuery("delete from inbound_record where job_id = ?1")
                .setParameter(1, removed.jobId()).executeUpdate();
    }

    private static ObjectNode user(String json) {
        try {
            return (ObjectNode) EventCodec.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored inbound record is not JSON", e);
        }
    }
}

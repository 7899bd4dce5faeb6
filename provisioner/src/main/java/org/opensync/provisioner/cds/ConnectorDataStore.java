package org.opensync.provisioner.cds;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.opensync.common.mirror.MirrorConsumers;

/**
 * The connector data store (provisioning-behavior.md §1.16): links between source anchors and target ids, with the
 * image last exported, so updates send only what changed and a restart re-matches nothing it already linked.
 */
@ApplicationScoped
public class ConnectorDataStore {
    private static final TypeReference<Map<String, Object>> IMAGE = new TypeReference<>() {
    };

    private final EntityManager entityManager;
    private final ObjectMapper mapper;

    @Inject
    public ConnectorDataStore(EntityManager entityManager, ObjectMapper mapper) {
        this.entityManager = entityManager;
        this.mapper = mapper;
    }

    @Transactional
    public Map<String, Link> find(String jobId, Collection<String> anchors) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        select anchor, object_type, source_dn, target_id, state, exported from connector_object
                        where job_id = ?1 and anchor = any(?2)""")
                .setParameter(1, jobId).setParameter(2, anchors.toArray(String[]::new)).getResultList();
        Map<String, Link> links = new HashMap<>();
        for (Object[] row : rows) {
            links.put((String) row[0], new Link((String) row[0], (String) row[1], (String) row[2], (String) row[3],
                    "Disabled".equals(row[4]), image((String) row[5])));
        }
        return links;
    }

    /** Target ids of the linked objects with these source DNs (case-insensitive, as LDAP compares DNs). */
    @Transactional
    public Map<String, String> targetIdsByDn(String jobId, Collection<String> dns) {
        if (dns.isEmpty()) {
            return Map.of();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        select lower(source_dn), target_id from connector_object
                        where job_id = ?1 and lower(source_dn) = any(?2)""")
                .setParameter(1, jobId)
                .setParameter(2, dns.stream().map(dn -> dn.toLowerCase(Locale.ROOT)).toArray(String[]::new))
                .getResultList();
        Map<String, String> ids = new HashMap<>();
        rows.forEach(row -> ids.put((String) row[0], (String) row[1]));
        return ids;
    }

    @Transactional
    public void save(String jobId, Link link) {
        entityManager.createNativeQuery("""
                        insert into connector_object (job_id, anchor, object_type, source_dn, target_id, state, exported,
                                                      updated_at)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7, now())
                        on conflict (job_id, anchor) do update set object_type = excluded.object_type,
                            source_dn = excluded.source_dn, target_id = excluded.target_id, state = excluded.state,
                            exported = excluded.exported, updated_at = now()""")
                .setParameter(1, jobId).setParameter(2, link.anchor()).setParameter(3, link.objectType())
                .setParameter(4, link.sourceDn()).setParameter(5, link.targetId())
                .setParameter(6, link.disabled() ? "Disabled" : "Active").setParameter(7, json(link.exported()))
                .executeUpdate();
    }

    @Transactional
    public void remove(String jobId, String anchor) {
        entityManager.createNativeQuery("delete from connector_object where job_id = ?1 and anchor = ?2")
                .setParameter(1, jobId).setParameter(2, anchor).executeUpdate();
    }

    /** Restart with ConnectorDataStore (or Full): forget every link; the next cycle matches objects again. */
    @Transactional
    public void clear(String jobId) {
        entityManager.createNativeQuery("delete from connector_object where job_id = ?1").setParameter(1, jobId)
                .executeUpdate();
    }

    /** Linked objects by source type, for synchronizedEntryCountByType. */
    @Transactional
    public Map<String, Long> countByType(String jobId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery(
                        "select object_type, count(*) from connector_object where job_id = ?1 group by object_type")
                .setParameter(1, jobId).getResultList();
        Map<String, Long> counts = new HashMap<>();
        rows.forEach(row -> counts.put((String) row[0], ((Number) row[1]).longValue()));
        return counts;
    }

    /** A deleted job's links go; the accounts it provisioned stay in the target. */
    void forget(@Observes MirrorConsumers.JobRemoved removed) {
        entityManager.createNativeQuery("delete from connector_object where job_id = ?1")
                .setParameter(1, removed.jobId()).executeUpdate();
    }

    private Map<String, Object> image(String json) {
        try {
            return mapper.readValue(json, IMAGE);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored exported image is unreadable", e);
        }
    }

    private String json(Map<String, Object> image) {
        try {
            return mapper.writeValueAsString(image);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot store an exported image", e);
        }
    }
}

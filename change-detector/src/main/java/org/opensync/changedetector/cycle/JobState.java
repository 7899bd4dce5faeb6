package org.opensync.changedetector.cycle;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opensync.common.mirror.MirrorConsumers;
import org.opensync.common.stats.TableStatistics;
import org.opensync.connectors.ldap.Watermark;

/**
 * What change-detector remembers per job: the watermark of the next delta read, and the objects it has seen
 * (anchor, type, DN, hash of the last published image, the last cycle that saw it). Batched native SQL: a full
 * read of a large directory touches every row.
 */
@ApplicationScoped
public class JobState {
    private final EntityManager entityManager;
    private final TableStatistics statistics;

    @Inject
    public JobState(EntityManager entityManager, TableStatistics statistics) {
        this.entityManager = entityManager;
        this.statistics = statistics;
    }

    /** A known object: its type and the hash of the image last published. */
    public record Known(String type, String hash) {
    }

    /** An object that the current cycle read. */
    public record Seen(String anchor, String type, String dn, String hash) {
    }

    @Transactional
    public Optional<Watermark> watermark(String jobId) {
        @SuppressWarnings("unchecked")
        List<String> rows = entityManager.createNativeQuery("select watermark from source_watermark where job_id = ?1")
                .setParameter(1, jobId).getResultList();
        return rows.stream().findFirst().map(Watermark::new);
    }

    @Transactional
    public void saveWatermark(String jobId, Watermark watermark) {
        entityManager.createNativeQuery("""
                        insert into source_watermark (job_id, watermark, updated_at) values (?1, ?2, now())
                        on conflict (job_id) do update set watermark = excluded.watermark, updated_at = now()""")
                .setParameter(1, jobId).setParameter(2, watermark.value()).executeUpdate();
    }

    @Transactional
    public void clearWatermark(String jobId) {
        entityManager.createNativeQuery("delete from source_watermark where job_id = ?1").setParameter(1, jobId)
                .executeUpdate();
    }

    /** The known state of these anchors; unknown anchors are absent from the map. */
    @Transactional
    public Map<String, Known> known(String jobId, List<String> anchors) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery(
                        "select anchor, object_type, image_hash from known_object where job_id = ?1 and anchor = any(?2)")
                .setParameter(1, jobId).setParameter(2, anchors.toArray(String[]::new)).getResultList();
        Map<String, Known> known = new HashMap<>();
        rows.forEach(row -> known.put((String) row[0], new Known((String) row[1], (String) row[2])));
        return known;
    }

    @Transactional
    public void remember(String jobId, String cycleId, List<Seen> seen) {
        if (seen.isEmpty()) {
            return;
        }
        entityManager.createNativeQuery("""
                        insert into known_object (job_id, anchor, object_type, dn, image_hash, seen_cycle)
                        select ?1, a, t, d, h, ?2 from unnest(?3, ?4, ?5, ?6) as s(a, t, d, h)
                        on conflict (job_id, anchor) do update set object_type = excluded.object_type, dn = excluded.dn,
                            image_hash = excluded.image_hash, seen_cycle = excluded.seen_cycle""")
                .setParameter(1, jobId).setParameter(2, cycleId)
                .setParameter(3, seen.stream().map(Seen::anchor).toArray(String[]::new))
                .setParameter(4, seen.stream().map(Seen::type).toArray(String[]::new))
                .setParameter(5, seen.stream().map(Seen::dn).toArray(String[]::new))
                .setParameter(6, seen.stream().map(Seen::hash).toArray(String[]::new))
                .executeUpdate();
        statistics.written("known_object", seen.size());
    }

    /** Marks objects still present without re-reading them (anchor listings, RFC 4533 present phase). */
    @Transactional
    public void markPresent(String jobId, String cycleId, List<String> anchors) {
        if (anchors.isEmpty()) {
            return;
        }
        entityManager.createNativeQuery(
                        "update known_object set seen_cycle = ?2 where job_id = ?1 and anchor = any(?3)")
                .setParameter(1, jobId).setParameter(2, cycleId).setParameter(3, anchors.toArray(String[]::new))
                .executeUpdate();
    }

    /**
     * Known objects of {@code type} that the cycle did not see (gone from the source), a page at a time: at most
     * {@code limit}, in anchor order, after the anchor {@code after} ("" for the first page).
     */
    @Transactional
    public List<Seen> unseen(String jobId, String type, String cycleId, String after, int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        select anchor, object_type, dn, image_hash from known_object
                        where job_id = ?1 and object_type = ?2 and seen_cycle <> ?3 and anchor > ?4
                        order by anchor limit ?5""")
                .setParameter(1, jobId).setParameter(2, type).setParameter(3, cycleId).setParameter(4, after)
                .setParameter(5, limit).getResultList();
        return rows.stream().map(r -> new Seen((String) r[0], (String) r[1], (String) r[2], (String) r[3])).toList();
    }

    @Transactional
    public void forgetObjects(String jobId, List<String> anchors) {
        if (anchors.isEmpty()) {
            return;
        }
        entityManager.createNativeQuery("delete from known_object where job_id = ?1 and anchor = any(?2)")
                .setParameter(1, jobId).setParameter(2, anchors.toArray(String[]::new)).executeUpdate();
    }

    /** Everything about a deleted job. */
    void forget(@Observes MirrorConsumers.JobRemoved removed) {
        entityManager.createNativeQuery("delete from known_object where job_id = ?1").setParameter(1, removed.jobId())
                .executeUpdate();
        clearWatermark(removed.jobId());
    }
}

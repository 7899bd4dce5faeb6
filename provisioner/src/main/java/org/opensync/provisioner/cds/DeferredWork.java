package org.opensync.provisioner.cds;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.opensync.common.events.EventCodec;
import org.opensync.common.events.ObjectChange;
import org.opensync.common.mirror.MirrorConsumers;

/** Objects whose work waits: escrows, unresolved references, staged deprovisioning (see {@link Deferred}). */
@ApplicationScoped
public class DeferredWork {
    private final EntityManager entityManager;

    @Inject
    public DeferredWork(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** An escrow as stored: the change to retry and how often it failed. */
    public record Escrow(ObjectChange.ObjectChanged change, String errorCode, String errorMessage, int retryCount) {
    }

    @Transactional
    public void defer(String jobId, Deferred kind, ObjectChange.ObjectChanged change) {
        upsert(jobId, kind, change, null, null, 0, Instant.now());
    }

    /**
     * Records a failed export, counting the attempts; the next retry waits {@code firstRetry}, doubled for every
     * earlier attempt. Returns how many attempts there were.
     */
    @Transactional
    public int escrow(String jobId, ObjectChange.ObjectChanged change, String errorCode, String message,
                      Duration firstRetry) {
        int attempts = retryCount(jobId, change.anchor()) + 1;
        Instant nextRetry = Instant.now().plus(firstRetry.multipliedBy(1L << Math.min(attempts - 1, 20)));
        upsert(jobId, Deferred.ESCROW, change, errorCode, message, attempts, nextRetry);
        return attempts;
    }

    /**
     * The kinds of work waiting for each of these objects (objects with none are absent), read once per batch so that
     * provisioning an object with nothing deferred costs no further query.
     */
    @Transactional
    public Map<String, Set<Deferred>> pending(String jobId, Collection<String> anchors) {
        if (anchors.isEmpty()) {
            return Map.of();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery(
                        "select anchor, kind from deferred_object where job_id = ?1 and anchor = any(?2)")
                .setParameter(1, jobId).setParameter(2, anchors.toArray(String[]::new)).getResultList();
        Map<String, Set<Deferred>> pending = new HashMap<>();
        rows.forEach(row -> pending.computeIfAbsent((String) row[0], anchor -> EnumSet.noneOf(Deferred.class))
                .add(Deferred.valueOf((String) row[1])));
        return pending;
    }

    @Transactional
    public void done(String jobId, Deferred kind, String anchor) {
        entityManager.createNativeQuery("delete from deferred_object where job_id = ?1 and kind = ?2 and anchor = ?3")
                .setParameter(1, jobId).setParameter(2, kind.name()).setParameter(3, anchor).executeUpdate();
    }

    /** Objects of this kind whose time has come. */
    @Transactional
    public List<Escrow> due(String jobId, Deferred kind, Instant now) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        select change, error_code, error_message, retry_count from deferred_object
                        where job_id = ?1 and kind = ?2 and next_retry_at <= ?3 order by updated_at""")
                .setParameter(1, jobId).setParameter(2, kind.name()).setParameter(3, now).getResultList();
        return rows.stream().map(row -> new Escrow(
                EventCodec.decode((String) row[0], ObjectChange.ObjectChanged.class), (String) row[1],
                (String) row[2], ((Number) row[3]).intValue())).toList();
    }

    @Transactional
    public long count(String jobId, Deferred kind) {
        return ((Number) entityManager.createNativeQuery(
                        "select count(*) from deferred_object where job_id = ?1 and kind = ?2")
                .setParameter(1, jobId).setParameter(2, kind.name()).getSingleResult()).longValue();
    }

    /** Restart with Escrows (or Full): failures are forgotten and no longer retried. */
    @Transactional
    public void clear(String jobId, Deferred kind) {
        entityManager.createNativeQuery("delete from deferred_object where job_id = ?1 and kind = ?2")
                .setParameter(1, jobId).setParameter(2, kind.name()).executeUpdate();
    }

    void forget(@Observes MirrorConsumers.JobRemoved removed) {
        entityManager.createNativeQuery("delete from deferred_object where job_id = ?1")
                .setParameter(1, removed.jobId()).executeUpdate();
    }

    private int retryCount(String jobId, String anchor) {
        @SuppressWarnings("unchecked")
        List<Number> rows = entityManager.createNativeQuery(
                        "select retry_count from deferred_object where job_id = ?1 and kind = 'ESCROW' and anchor = ?2")
                .setParameter(1, jobId).setParameter(2, anchor).getResultList();
        return rows.isEmpty() ? 0 : rows.get(0).intValue();
    }

    private void upsert(String jobId, Deferred kind, ObjectChange.ObjectChanged change, String errorCode,
                        String message, int retryCount, Instant nextRetry) {
        entityManager.createNativeQuery("""
                        insert into deferred_object (job_id, anchor, kind, change, error_code, error_message, retry_count,
                                                     next_retry_at, updated_at)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, now())
                        on conflict (job_id, kind, anchor) do update set change = excluded.change,
                            error_code = excluded.error_code, error_message = excluded.error_message,
                            retry_count = excluded.retry_count, next_retry_at = excluded.next_retry_at,
                            updated_at = now()""")
                .setParameter(1, jobId).setParameter(2, change.anchor()).setParameter(3, kind.name())
                .setParameter(4, EventCodec.encode(change)).setParameter(5, errorCode).setParameter(6, message)
                .setParameter(7, retryCount).setParameter(8, nextRetry).executeUpdate();
    }
}

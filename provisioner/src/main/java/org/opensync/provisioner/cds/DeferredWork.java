package org.opensync.provisioner.cds;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.opensync.common.events.EventCodec;
import org.opensync.common.events.ObjectChange;
import org.opensync.common.mirror.MirrorConsumers;
import org.opensync.provisioner.ProvisionerConfig;

/**
 * Objects whose work waits: escrows, unresolved references, staged deprovisioning (see {@link Deferred}).
 * Deprovisioning wins: staging a disable or delete cancels the object's escrow and reference work in the same
 * transaction, so a retry can never re-create or re-enable an object its source removed.
 */
@ApplicationScoped
public class DeferredWork {
    /** Rows read at a time, so that memory does not grow with the number of objects waiting (e.g. after an outage). */
    public static final int PAGE_SIZE = 200;

    private final EntityManager entityManager;
    private final EscrowSchedule schedule;

    @Inject
    public DeferredWork(EntityManager entityManager, ProvisionerConfig config) {
        this.entityManager = entityManager;
        this.schedule = new EscrowSchedule(config.escrowBackOff(), config.escrowGiveUpAfter());
    }

    /** An escrow as stored: the change to retry and how often it failed. */
    public record Escrow(ObjectChange.ObjectChanged change, String errorCode, String errorMessage, int retryCount) {
    }

    /**
     * A failed export as recorded: the attempt number, when it is retried (null when it is given up and no longer
     * escrowed), and whether the target gave the same answer as to the previous attempt.
     */
    public record EscrowAttempt(int attempts, Instant nextRetry, boolean sameAnswerAsBefore) {
        public boolean givenUp() {
            return nextRetry == null;
        }

        /** What the provisioning log tells about the retries, in the words of Entra's logs. */
        public String retryMessage() {
            return "This operation was retried " + (attempts - 1) + " times. It will be retried again after this "
                    + "date: " + nextRetry + ".";
        }
    }

    /**
     * An unresolved reference, retried at the end of the cycle (and later, once the objects it names are linked:
     * {@link #park}).
     */
    @Transactional
    public void deferReference(String jobId, ObjectChange.ObjectChanged change) {
        Instant now = Instant.now();
        upsert(jobId, Deferred.REFERENCE, change, null, null, null, 0, now, now);
    }

    /** Stages a disable or delete for the end of the cycle; the object's escrow and reference work is cancelled. */
    @Transactional
    public void stageDeprovisioning(String jobId, ObjectChange.ObjectChanged change) {
        cancelRetries(jobId, change.anchor());
        Instant now = Instant.now();
        upsert(jobId, Deferred.DEPROVISION, change, null, null, null, 0, now, now);
    }

    /**
     * The object left the source or its scope: whatever was waiting to be exported for it must not be, even when it
     * was never provisioned (an escrowed create would otherwise bring it into the target).
     */
    @Transactional
    public void cancelRetries(String jobId, String anchor) {
        entityManager.createNativeQuery("""
                        delete from deferred_object where job_id = ?1 and anchor = ?2 and kind in ('ESCROW', 'REFERENCE')""")
                .setParameter(1, jobId).setParameter(2, anchor).executeUpdate();
        forgetUnresolved(jobId, anchor);
    }

    /**
     * Records a failed export, counting the attempts: the first retry waits {@code firstRetry}, later ones follow the
     * escrow back-off; an object still failing when the give-up period since its first failure is over is no longer
     * escrowed.
     *
     * @param signature the target's answer ({@code ScimException#signature()}), or null when there was none
     */
    @Transactional
    public EscrowAttempt escrow(String jobId, ObjectChange.ObjectChanged change, String errorCode, String message,
                                String signature, Duration firstRetry) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        select retry_count, failure_signature, first_failed_at from deferred_object
                        where job_id = ?1 and kind = 'ESCROW' and anchor = ?2""")
                .setParameter(1, jobId).setParameter(2, change.anchor()).getResultList();
        Instant now = Instant.now();
        int attempts = rows.isEmpty() ? 1 : ((Number) rows.get(0)[0]).intValue() + 1;
        boolean same = !rows.isEmpty() && signature != null && signature.equals(rows.get(0)[1]);
        Instant firstFailure = rows.isEmpty() ? now : instant(rows.get(0)[2]);
        Instant nextRetry = schedule.nextRetry(attempts, firstRetry, firstFailure, now).orElse(null);
        if (nextRetry == null) {
            done(jobId, Deferred.ESCROW, change.anchor());
        } else {
            upsert(jobId, Deferred.ESCROW, change, errorCode, message, signature, attempts, nextRetry, firstFailure);
        }
        return new EscrowAttempt(attempts, nextRetry, same);
    }

    /**
     * After the end-of-cycle retry of an object's references: those still unresolved park its reference work until
     * one of the objects they name gets a target object ({@link #wakeResolvable}), in whatever later cycle that
     * happens — e.g. a member added together with its membership while a cycle read users, then groups, arrives a
     * cycle after its group. Nothing else changes the group, so forgetting the work would lose the membership.
     * The DNs kept are bounded by the object's reference values, which the object change's size bounds.
     */
    @Transactional
    public void park(String jobId, String anchor, Collection<String> unresolvedDns) {
        if (unresolvedDns.isEmpty()) {
            done(jobId, Deferred.REFERENCE, anchor);
            return;
        }
        forgetUnresolved(jobId, anchor);
        entityManager.createNativeQuery("""
                        insert into unresolved_reference (job_id, referrer_anchor, dn)
                        select ?1, ?2, dn from unnest(?3) as dn on conflict do nothing""")
                .setParameter(1, jobId).setParameter(2, anchor)
                .setParameter(3, unresolvedDns.stream().map(dn -> dn.toLowerCase(Locale.ROOT)).distinct()
                        .toArray(String[]::new))
                .executeUpdate();
        entityManager.createNativeQuery("""
                        update deferred_object set next_retry_at = 'infinity'
                        where job_id = ?1 and kind = 'REFERENCE' and anchor = ?2""")
                .setParameter(1, jobId).setParameter(2, anchor).executeUpdate();
    }

    /**
     * Parked reference work becomes due when one of the DNs it waits for is linked now (created, matched, or out of
     * a rematch), so that the retry of references that follows sets them.
     *
     * @return how many objects' references became due
     */
    @Transactional
    public int wakeResolvable(String jobId) {
        return entityManager.createNativeQuery("""
                        update deferred_object d set next_retry_at = '-infinity'
                        where d.job_id = ?1 and d.kind = 'REFERENCE' and d.next_retry_at = 'infinity'
                          and exists (select 1 from unresolved_reference u
                                      join connector_object c on c.job_id = u.job_id and lower(c.source_dn) = u.dn
                                      where u.job_id = ?1 and u.referrer_anchor = d.anchor and not c.rematch)""")
                .setParameter(1, jobId).executeUpdate();
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
        if (kind == Deferred.REFERENCE) {
            forgetUnresolved(jobId, anchor);
        }
        entityManager.createNativeQuery("delete from deferred_object where job_id = ?1 and kind = ?2 and anchor = ?3")
                .setParameter(1, jobId).setParameter(2, kind.name()).setParameter(3, anchor).executeUpdate();
    }

    /**
     * Hands the objects of this kind whose time has come to {@code work}, a page at a time in the order they were
     * deferred. Rows the work updates or adds meanwhile are not visited again in this pass.
     */
    public void forEachDue(String jobId, Deferred kind, Instant now, Consumer<List<Escrow>> work) {
        Instant lastUpdated = Instant.EPOCH;
        String lastAnchor = "";
        while (true) {
            List<Object[]> rows = page(jobId, kind, now, lastUpdated, lastAnchor);
            if (rows.isEmpty()) {
                return;
            }
            Object[] last = rows.get(rows.size() - 1);
            lastUpdated = instant(last[4]);
            lastAnchor = (String) last[5];
            work.accept(rows.stream().map(row -> new Escrow(
                    EventCodec.decode((String) row[0], ObjectChange.ObjectChanged.class), (String) row[1],
                    (String) row[2], ((Number) row[3]).intValue())).toList());
        }
    }

    /** How many objects of this kind are due now. */
    @Transactional
    public long countDue(String jobId, Deferred kind, Instant now) {
        return ((Number) entityManager.createNativeQuery("""
                        select count(*) from deferred_object where job_id = ?1 and kind = ?2 and next_retry_at <= ?3""")
                .setParameter(1, jobId).setParameter(2, kind.name()).setParameter(3, now).getSingleResult())
                .longValue();
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
        if (kind == Deferred.REFERENCE) {
            entityManager.createNativeQuery("delete from unresolved_reference where job_id = ?1")
                    .setParameter(1, jobId).executeUpdate();
        }
        entityManager.createNativeQuery("delete from deferred_object where job_id = ?1 and kind = ?2")
                .setParameter(1, jobId).setParameter(2, kind.name()).executeUpdate();
    }

    void forget(@Observes MirrorConsumers.JobRemoved removed) {
        entityManager.createNativeQuery("delete from unresolved_reference where job_id = ?1")
                .setParameter(1, removed.jobId()).executeUpdate();
        entityManager.createNativeQuery("delete from deferred_object where job_id = ?1")
                .setParameter(1, removed.jobId()).executeUpdate();
    }

    @Transactional
    @SuppressWarnings("unchecked")
    List<Object[]> page(String jobId, Deferred kind, Instant now, Instant afterUpdated, String afterAnchor) {
        return entityManager.createNativeQuery("""
                        select change, error_code, error_message, retry_count, updated_at, anchor from deferred_object
                        where job_id = ?1 and kind = ?2 and next_retry_at <= ?3 and (updated_at, anchor) > (?4, ?5)
                        order by updated_at, anchor limit ?6""")
                .setParameter(1, jobId).setParameter(2, kind.name()).setParameter(3, now)
                .setParameter(4, afterUpdated).setParameter(5, afterAnchor).setParameter(6, PAGE_SIZE)
                .getResultList();
    }

    private void forgetUnresolved(String jobId, String anchor) {
        entityManager.createNativeQuery("delete from unresolved_reference where job_id = ?1 and referrer_anchor = ?2")
                .setParameter(1, jobId).setParameter(2, anchor).executeUpdate();
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (value instanceof java.time.OffsetDateTime offset) {
            return offset.toInstant();
        }
        throw new IllegalStateException("unexpected timestamp type " + value.getClass());
    }

    private void upsert(String jobId, Deferred kind, ObjectChange.ObjectChanged change, String errorCode,
                        String message, String signature, int retryCount, Instant nextRetry, Instant firstFailure) {
        entityManager.createNativeQuery("""
                        insert into deferred_object (job_id, anchor, kind, change, error_code, error_message,
                                                     failure_signature, retry_count, next_retry_at, updated_at,
                                                     first_failed_at)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, clock_timestamp(), ?10)
                        on conflict (job_id, kind, anchor) do update set change = excluded.change,
                            error_code = excluded.error_code, error_message = excluded.error_message,
                            failure_signature = excluded.failure_signature, retry_count = excluded.retry_count,
                            next_retry_at = excluded.next_retry_at, updated_at = clock_timestamp(),
                            first_failed_at = excluded.first_failed_at""")
                .setParameter(1, jobId).setParameter(2, change.anchor()).setParameter(3, kind.name())
                .setParameter(4, EventCodec.encode(change)).setParameter(5, errorCode).setParameter(6, message)
                .setParameter(7, signature).setParameter(8, retryCount).setParameter(9, nextRetry)
                .setParameter(10, firstFailure).executeUpdate();
    }
}

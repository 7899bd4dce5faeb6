package org.opensync.changedetector.cycle;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import org.opensync.common.events.EventCodec;
import org.opensync.common.events.Tick;
import org.opensync.common.mirror.MirrorConsumers;

/**
 * Ticks whose cycle has not reported its result yet. A tick is acknowledged on {@code sync.ticks} as soon as it is
 * handed to the {@link CycleRunner} (a cycle can outlast any acknowledgement timeout), so what it asks for — above all
 * a restart's reset flags — is kept here, in the consumer's transaction, until its cycle's end is published; after a
 * crash the service runs it when it is back.
 */
@ApplicationScoped
public class PendingTicks {
    private final EntityManager entityManager;

    @Inject
    public PendingTicks(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Within the consumer's transaction: keeps the tick, merged with one of its job still pending. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Tick remember(Tick tick) {
        @SuppressWarnings("unchecked")
        List<String> pending = entityManager.createNativeQuery(
                        "select tick from pending_tick where job_id = ?1 for update")
                .setParameter(1, tick.jobId()).getResultList();
        Tick merged = pending.isEmpty() ? tick : CycleRunner.merge(EventCodec.decode(pending.get(0), Tick.class), tick);
        entityManager.createNativeQuery("""
                        insert into pending_tick (job_id, sequence, tick, updated_at) values (?1, ?2, ?3, now())
                        on conflict (job_id) do update set sequence = excluded.sequence, tick = excluded.tick,
                            updated_at = now()""")
                .setParameter(1, merged.jobId()).setParameter(2, merged.sequence())
                .setParameter(3, EventCodec.encode(merged)).executeUpdate();
        return tick;
    }

    /** The tick's cycle reported its result: it and the ticks before it are done. */
    @Transactional
    public void done(Tick tick) {
        entityManager.createNativeQuery("delete from pending_tick where job_id = ?1 and sequence <= ?2")
                .setParameter(1, tick.jobId()).setParameter(2, tick.sequence()).executeUpdate();
    }

    /** Every pending tick, one per job. */
    @Transactional
    public List<Tick> all() {
        @SuppressWarnings("unchecked")
        List<String> rows = entityManager.createNativeQuery("select tick from pending_tick order by updated_at")
                .getResultList();
        return rows.stream().map(json -> EventCodec.decode(json, Tick.class)).toList();
    }

    @Transactional
    void forget(@Observes MirrorConsumers.JobRemoved removed) {
        entityManager.createNativeQuery("delete from pending_tick where job_id = ?1")
                .setParameter(1, removed.jobId()).executeUpdate();
    }
}

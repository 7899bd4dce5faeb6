package org.opensync.scheduler;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.context.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.opensync.common.events.Topics;
import org.opensync.common.outbox.Outbox;
import org.opensync.common.tracing.TraceContext;

/**
 * Claims due schedules and records their ticks in the outbox, in one transaction. {@code FOR UPDATE SKIP LOCKED}
 * gives each due row to exactly one scheduler instance; the new due time commits with the tick, so a crash either
 * keeps both or neither.
 */
@ApplicationScoped
public class TickEmitter {
    private final EntityManager entityManager;
    private final Outbox outbox;
    private final SchedulerConfig config;
    private final Counter ticks;

    @Inject
    public TickEmitter(EntityManager entityManager, Outbox outbox, SchedulerConfig config, MeterRegistry registry) {
        this.entityManager = entityManager;
        this.outbox = outbox;
        this.config = config;
        this.ticks = Counter.builder("sync.scheduler.ticks").description("Ticks emitted").register(registry);
    }

    /** @return how many ticks were emitted; a full batch means more may be due */
    @Transactional
    public int emitDue() {
        // the database keeps microseconds; ticks carry the same precision as the due times they are compared with
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        @SuppressWarnings("unchecked")
        List<JobSchedule> due = entityManager.createNativeQuery("""
                        select * from job_schedule
                        where state = 'Active' and next_due_at <= ?1
                        order by next_due_at
                        limit ?2
                        for update skip locked""", JobSchedule.class)
                .setParameter(1, now)
                .setParameter(2, config.batchSize())
                .getResultList();
        for (JobSchedule schedule : due) {
            // the first tick after a start or restart belongs to its trace, so the cycle it runs can be followed
            try (Scope trace = TraceContext.parent(schedule.traceparent).makeCurrent()) {
                outbox.publish(Topics.TICKS, schedule.nextTick(now));
            }
            schedule.traceparent = null;
        }
        ticks.increment(due.size());
        return due.size();
    }

    /** When the next schedule falls due, or null when none is active. */
    @Transactional
    public Instant nextDue() {
        // Native SQL, as emitDue: a query in Hibernate's own language would load its parser for this one statement
        return (Instant) entityManager.createNativeQuery(
                        "select min(next_due_at) from job_schedule where state = 'Active'", Instant.class)
                .getSingleResult();
    }
}

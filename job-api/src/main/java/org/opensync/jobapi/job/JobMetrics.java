package org.opensync.jobapi.job;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code opensync_jobs_quarantined}: jobs in quarantine across tenants (README "Monitoring"). Counted on a schedule,
 * not per scrape, so a scrape never waits for the database.
 */
@ApplicationScoped
public class JobMetrics {
    private final AtomicLong quarantined = new AtomicLong();

    void register(@Observes StartupEvent startup, MeterRegistry registry) {
        Gauge.builder("opensync.jobs.quarantined", quarantined, AtomicLong::get)
                .description("Jobs in quarantine, as counted at most 30 seconds ago").register(registry);
    }

    @Scheduled(every = "30s", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void count() {
        quarantined.set(SynchronizationJob.count("quarantine is not null"));
    }
}

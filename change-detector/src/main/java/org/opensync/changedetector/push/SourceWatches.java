package org.opensync.changedetector.push;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;
import org.opensync.changedetector.ChangeDetectorConfig;
import org.opensync.changedetector.cycle.ChangePublisher;
import org.opensync.common.events.SourceChanged;
import org.opensync.common.mirror.MirrorConsumers;
import org.opensync.connectors.ldap.LdapSettings;
import org.opensync.connectors.ldap.LdapSource;
import org.opensync.connectors.ldap.ObjectTypeQuery;
import org.opensync.connectors.ldap.SourceWatch;
import org.opensync.connectors.ldap.Watermark;

/**
 * Push mode: after a job's read, a watch on its directory (RFC 4533 refreshAndPersist where the directory offers
 * it, DirSync asked every half second on Active Directory) rings {@link SourceChanged} on {@code sync.source-changes}
 * as soon as something changes there, and the scheduler runs the job's next cycle then instead of at the end of its
 * interval. A bell is only a hint: the cycle
 * reads what changed from the watermark, as a tick's would, so a lost or late bell costs no more than the wait for the
 * next tick. Bells of a burst of changes go out as one, {@code push.debounce} after the first; a change after that
 * rings again. A watch stays open while its job exists (a paused job's bells are ignored by the scheduler), at most
 * {@code push.max-watches} on an instance: the jobs beyond poll as without push. An API-sourced job's bell rings when
 * its uploads are stored ({@link #uploaded}).
 */
@ApplicationScoped
public class SourceWatches {
    private static final Logger LOG = Logger.getLogger(SourceWatches.class);

    private final ChangePublisher publisher;
    private final ChangeDetectorConfig.Push config;
    private final MeterRegistry registry;
    private final Map<String, JobWatch> watches = new HashMap<>();
    private final Map<String, JobBell> bellsByJob = new ConcurrentHashMap<>();
    private final ScheduledExecutorService ringer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "source-bells");
        thread.setDaemon(true);
        return thread;
    });

    @Inject
    public SourceWatches(ChangePublisher publisher, ChangeDetectorConfig config, MeterRegistry registry) {
        this.publisher = publisher;
        this.config = config.push();
        this.registry = registry;
        Gauge.builder("opensync.change.detector.source.watches", this, SourceWatches::open)
                .description("Directories watched for changes (push mode)").register(registry);
    }

    /**
     * After a read of the job's directory: keeps the job's watch, or opens one from the read's watermark when there
     * is none (or it ended, or the job now reads another directory or binds otherwise). Never fails the cycle: a
     * directory that cannot be watched is polled.
     */
    public void keep(String jobId, LdapSettings settings, LdapSource source, List<ObjectTypeQuery> types,
                     Watermark watermark) {
        if (!config.enabled()) {
            return;
        }
        // A job that now reads another directory, binds as another account (rotated or revoked credentials) or with
        // other TLS trust gets a watch of the new settings
        Reach reach = new Reach(settings.url(), settings.bindDn(), settings.password(), settings.startTls(),
                settings.trustedCertificates(), settings.jobCertificates(), types.toString());
        synchronized (watches) {
            JobWatch current = watches.get(jobId);
            if (current != null && current.watch.open() && current.reach.equals(reach)) {
                return;
            }
            if (current != null) {
                watches.remove(jobId).watch.close();
            }
            if (watches.size() >= config.maxWatches()) {
                LOG.debugf("job %s is polled: %d directories are watched already", jobId, watches.size());
                return;
            }
        }
        // Connecting takes as long as the directory makes it: not under the lock the other jobs' reads need
        Optional<SourceWatch> opened;
        try {
            opened = source.watch(types, watermark, bell(jobId)::ring);
        } catch (RuntimeException e) {
            LOG.infof("job %s: the directory cannot be watched now (%s); it is polled until the next read", jobId,
                    e.getMessage());
            return;
        }
        opened.ifPresent(watch -> {
            synchronized (watches) {
                if (!watches.containsKey(jobId) && watches.size() >= config.maxWatches()) {
                    watch.close(); // other jobs' reads took the last places meanwhile
                    return;
                }
                JobWatch replaced = watches.put(jobId, new JobWatch(watch, reach));
                if (replaced != null) {
                    replaced.watch.close();
                }
            }
        });
    }

    /**
     * Records uploaded for an API-sourced job (bulkUpload) are stored and wait for its next cycle: its bell rings,
     * so they go out now rather than at the end of the interval.
     */
    public void uploaded(String jobId) {
        if (config.enabled()) {
            bell(jobId).ring();
        }
    }

    private JobBell bell(String jobId) {
        return bellsByJob.computeIfAbsent(jobId, JobBell::new);
    }

    void forget(@Observes MirrorConsumers.JobRemoved removed) {
        bellsByJob.remove(removed.jobId());
        synchronized (watches) {
            JobWatch watch = watches.remove(removed.jobId());
            if (watch != null) {
                watch.watch.close();
            }
        }
    }

    void stop(@Observes ShutdownEvent shutdown) {
        ringer.shutdownNow();
        synchronized (watches) {
            watches.values().forEach(watch -> watch.watch.close());
            watches.clear();
        }
    }

    private int open() {
        synchronized (watches) {
            return (int) watches.values().stream().filter(watch -> watch.watch.open()).count();
        }
    }

    /** What a watch connects to and as whom, and what it watches. Never logged: it holds the password. */
    private record Reach(String url, String bindDn, String password, boolean startTls, Path trustedCertificates,
                         String jobCertificates, String types) {
        @Override
        public String toString() {
            return url + " as " + bindDn;
        }
    }

    private record JobWatch(SourceWatch watch, Reach reach) {
    }

    /** One job's bell: a ring schedules a bell unless one is scheduled already. */
    private final class JobBell {
        private final String jobId;
        private final AtomicBoolean scheduled = new AtomicBoolean();
        private final Counter bells;

        JobBell(String jobId) {
            this.jobId = jobId;
            this.bells = Counter.builder("opensync.change.detector.source.bells")
                    .description("Bells rung on sync.source-changes: changes the source reported, uploads stored")
                    .tags("job", jobId).register(registry);
        }

        void ring() {
            if (scheduled.compareAndSet(false, true)) {
                ringer.schedule(this::publish, config.debounce().toMillis(), TimeUnit.MILLISECONDS);
            }
        }

        private void publish() {
            // cleared first: a change while the bell goes out rings again
            scheduled.set(false);
            bells.increment();
            publisher.hint(new SourceChanged(UUID.randomUUID().toString(), Instant.now(), jobId));
        }
    }
}

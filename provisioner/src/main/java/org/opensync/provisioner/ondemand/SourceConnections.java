package org.opensync.provisioner.ondemand;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.opensync.connectors.ldap.LdapSettings;
import org.opensync.connectors.ldap.LdapSource;
import org.opensync.provisioner.ProvisionerConfig;

/**
 * The source directory connections of provision on demand, one small pool per job, kept open between requests:
 * connecting, binding and probing the directory would otherwise cost every request several round trips. A job's
 * connection is closed once idle for {@code sync.provisioner.on-demand.source-idle-close}, when its secrets change,
 * after a failure, or to make room (at most {@code sources-kept} jobs, the least recently used going first);
 * never while a request uses it.
 */
@ApplicationScoped
public class SourceConnections {
    /** Each job's pool: on-demand requests read a handful of objects, a burst of them shares two connections. */
    static final int POOL_SIZE = 2;

    private final Duration idleClose;
    private final int kept;
    private final Clock clock;
    private final Map<String, Kept> sources = new HashMap<>();
    private final ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "on-demand-source-sweeper");
        thread.setDaemon(true);
        return thread;
    });

    @Inject
    public SourceConnections(ProvisionerConfig config) {
        this(config.onDemand().sourceIdleClose(), config.onDemand().sourcesKept(), Clock.systemUTC());
    }

    SourceConnections(Duration idleClose, int kept, Clock clock) {
        this.idleClose = idleClose;
        this.kept = Math.max(1, kept);
        this.clock = clock;
        long period = Math.max(1, idleClose.toMillis() / 2);
        sweeper.scheduleAtFixedRate(this::closeIdle, period, period, TimeUnit.MILLISECONDS);
    }

    /** A job's open source, used by one request until {@link Lease#close}. */
    public final class Lease implements AutoCloseable {
        private final String jobId;
        private final Kept source;
        private boolean failed;

        private Lease(String jobId, Kept source) {
            this.jobId = jobId;
            this.source = source;
        }

        public LdapSource source() {
            return source.source;
        }

        /** The connection failed: it is closed when returned, and the next request connects anew. */
        public void failed() {
            failed = true;
        }

        @Override
        public void close() {
            release(jobId, source, failed);
        }
    }

    /**
     * The job's open source when its settings are unchanged, else a new one.
     *
     * @throws org.opensync.connectors.ldap.LdapSourceException as {@link LdapSource#open}
     */
    public Lease lease(String jobId, LdapSettings settings) {
        LdapSettings pooled = settings.withPoolSize(POOL_SIZE);
        synchronized (this) {
            Kept current = sources.get(jobId);
            if (current != null && current.settings.equals(pooled)) {
                current.users++;
                return new Lease(jobId, current);
            }
        }
        // connecting can take a while: other jobs' requests do not wait for it
        Kept opened = new Kept(pooled, LdapSource.open(pooled));
        List<Kept> closing = new ArrayList<>();
        synchronized (this) {
            Kept replaced = sources.put(jobId, opened);
            if (replaced != null) {
                replaced.retired = true;
                if (replaced.users == 0) {
                    closing.add(replaced);
                }
            }
            opened.users++;
            closing.addAll(evictBeyondBound());
        }
        closing.forEach(Kept::close);
        return new Lease(jobId, opened);
    }

    /** Jobs whose connection is open (for tests and diagnostics). */
    synchronized int open() {
        return sources.size();
    }

    private void release(String jobId, Kept source, boolean failed) {
        boolean close;
        synchronized (this) {
            source.users--;
            source.lastUsed = clock.instant();
            if (failed && sources.get(jobId) == source) {
                sources.remove(jobId);
                source.retired = true;
            }
            close = source.retired && source.users == 0;
        }
        if (close) {
            source.close();
        }
    }

    void closeIdle() {
        Instant now = clock.instant();
        List<Kept> closing = new ArrayList<>();
        synchronized (this) {
            sources.values().removeIf(source -> {
                boolean idle = source.users == 0 && !now.isBefore(source.lastUsed.plus(idleClose));
                if (idle) {
                    closing.add(source);
                }
                return idle;
            });
        }
        closing.forEach(Kept::close);
    }

    /** The least recently used idle connections beyond the bound; a connection in use stays. */
    private List<Kept> evictBeyondBound() {
        List<Kept> closing = new ArrayList<>();
        List<Map.Entry<String, Kept>> idle = sources.entrySet().stream().filter(e -> e.getValue().users == 0)
                .sorted(Comparator.comparing(e -> e.getValue().lastUsed)).toList();
        for (int i = 0; i < idle.size() && sources.size() > kept; i++) {
            sources.remove(idle.get(i).getKey());
            closing.add(idle.get(i).getValue());
        }
        return closing;
    }

    @PreDestroy
    synchronized void closeAll() {
        sweeper.shutdownNow();
        sources.values().stream().filter(source -> source.users == 0).forEach(Kept::close);
        sources.clear();
    }

    /** A job's source as kept: guarded by the {@link SourceConnections} it belongs to. */
    private final class Kept {
        final LdapSettings settings;
        final LdapSource source;
        int users;
        boolean retired;
        Instant lastUsed = clock.instant();

        Kept(LdapSettings settings, LdapSource source) {
            this.settings = settings;
            this.source = source;
        }

        void close() {
            source.close();
        }
    }
}

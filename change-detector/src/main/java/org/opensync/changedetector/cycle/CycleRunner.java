package org.opensync.changedetector.cycle;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;
import org.opensync.changedetector.ChangeDetectorConfig;
import org.opensync.changedetector.inbound.InboundRecords;
import org.opensync.changedetector.inbound.InboundSource;
import org.opensync.changedetector.push.SourceWatches;
import org.opensync.connectors.source.SourcePlan;
import org.opensync.common.egress.EgressConfig;
import org.opensync.common.events.JobEvent;
import org.opensync.common.events.ObjectChange;
import org.opensync.common.events.RestartScope;
import org.opensync.common.events.Tick;
import org.opensync.common.lease.JobLeases;
import org.opensync.common.logs.LogContext;
import org.opensync.common.mirror.MirrorWait;
import org.opensync.common.mirror.SchemaMirror;
import org.opensync.common.mirror.SecretsMirror;
import org.opensync.common.secrets.SealedValues;
import org.opensync.common.secrets.SecretBox;
import org.opensync.common.secrets.SecretUnavailableException;
import org.opensync.common.secrets.SecretsConfig;
import org.opensync.connectors.ldap.LdapConfigurationException;
import org.opensync.connectors.ldap.LdapSecrets;
import org.opensync.connectors.ldap.LdapSettings;
import org.opensync.connectors.ldap.LdapSource;
import org.opensync.connectors.ldap.LdapUnavailableException;
import org.opensync.connectors.ldap.Watermark;
import org.opensync.connectors.ldap.WatermarkUnusableException;
import org.opensync.connectors.net.EgressDeniedException;
import org.opensync.connectors.net.EgressPolicy;
import org.opensync.connectors.net.EgressSettings;
import org.opensync.mapping.apply.CompiledObjectMapping;
import org.opensync.mapping.apply.InvalidMappingException;
import org.opensync.mapping.model.SynchronizationSchema;

/**
 * Runs the read half of a cycle: decides full or delta read, streams the source (a directory, the users
 * uploaded to an API-sourced job, or a CSV file, {@link CsvCycle}) into object changes framed by cycle markers, and
 * stores the new watermark once Kafka acknowledged everything. A cycle that does not complete
 * (no schema, no secrets, unreachable directory, refused credentials, a directory the egress policy refuses, records
 * Kafka did not acknowledge, anything unexpected) ends as a failed cycle on sync.job-events, with the
 * synchronizationError job-api shows. A cycle runs under this instance's lease on the job ({@link JobLeases}):
 * after a rebalance, or when an instance resumes pending ticks, two instances never read and publish one job's
 * cycle at the same time.
 */
@ApplicationScoped
public class CycleRunner {
    private static final Logger LOG = Logger.getLogger(CycleRunner.class);
    /** The code of the warning a cycle reports when its bind password went over plain LDAP. */
    public static final String PASSWORD_IN_CLEAR = "PasswordSentInClear";
    /** The code of the warning a cycle reports when Active Directory refused DirSync and the source fell back. */
    public static final String DIRSYNC_NOT_PERMITTED = "DirSyncNotPermitted";

    private final SchemaMirror schemas;
    private final SecretsMirror secrets;
    private final JobState state;
    private final ChangePublisher publisher;
    private final ObjectMapper mapper;
    private final ChangeDetectorConfig config;
    private final PendingTicks pending;
    private final InboundRecords inbound;
    private final CsvCycle csv;
    private final JobLeases leases;
    private final ExecutorService executor;
    /** Its tasks keep the trace of the tick that submitted them, as the executor's do. */
    private final ScheduledExecutorService leaseRetries = Context.taskWrapping(
            Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "cycle-lease-retry");
                thread.setDaemon(true);
                return thread;
            }));
    private final EgressPolicy egress;
    private final SecretBox transport;
    /** Jobs already warned that their bind password goes over plain LDAP, with the URL they were warned about. */
    private final Map<String, String> warnedInClear = new ConcurrentHashMap<>();
    private final ReadMetrics metrics;
    private final SourceWatches watches;
    /** Jobs with a cycle in progress, each with the tick to run when it ends (or null). */
    private final Map<String, Optional<Tick>> inProgress = new HashMap<>();
    /** The trace of the last tick that came to wait for each job's cycle: the merged tick runs in it. */
    private final Map<String, Context> waitingTraces = new HashMap<>();

    @Inject
    public CycleRunner(SchemaMirror schemas, SecretsMirror secrets, JobState state, ChangePublisher publisher,
                       ObjectMapper mapper, ChangeDetectorConfig config, PendingTicks pending, JobLeases leases,
                       EgressConfig egress, InboundRecords inbound, SecretsConfig secretsConfig,
                       CsvCycle csv, ReadMetrics metrics, SourceWatches watches) {
        this.metrics = metrics;
        this.watches = watches;
        this.inbound = inbound;
        this.csv = csv;
        this.leases = leases;
        this.transport = secretsConfig.transportBox();
        this.schemas = schemas;
        this.secrets = secrets;
        this.state = state;
        this.publisher = publisher;
        this.mapper = mapper;
        this.config = config;
        this.pending = pending;
        this.egress = EgressPolicy.of(new EgressSettings(egress.allowLoopback(), egress.allowPrivate(),
                egress.deniedPorts(), egress.deniedHosts().orElse(List.of())));
        // a cycle runs in the trace of the tick that started it: its records on sync.object-changes carry it
        this.executor = Context.taskWrapping(Executors.newFixedThreadPool(config.concurrentCycles(), runnable -> {
            Thread thread = new Thread(runnable, "cycle-runner");
            thread.setDaemon(true);
            return thread;
        }));
    }

    /** A cycle cut short leaves its watermark unsaved: the next tick reads the same changes again. */
    void stop(@Observes ShutdownEvent shutdown) {
        leaseRetries.shutdownNow();
        executor.shutdownNow();
    }

    /** Ticks acknowledged before a crash or a stop whose cycles never reported a result run now. */
    void resume(@Observes StartupEvent startup) {
        resumePending();
    }

    public void resumePending() {
        pending.all().forEach(this::submit);
    }

    /**
     * Runs the tick's cycle in the background, so that a long read never holds the tick unacknowledged. A tick that
     * arrives while the job's cycle runs waits for it, merged with any tick already waiting: a restart's reset flags
     * are never dropped, and a busy job runs one cycle after another, not one per tick.
     */
    public void submit(Tick tick) {
        synchronized (inProgress) {
            if (inProgress.containsKey(tick.jobId())) {
                inProgress.put(tick.jobId(), Optional.of(inProgress.get(tick.jobId())
                        .map(waiting -> merge(waiting, tick)).orElse(tick)));
                waitingTraces.put(tick.jobId(), Context.current());
                LOG.debugf("job %s: a cycle is running, tick %d waits for it", tick.jobId(), tick.sequence());
                return;
            }
            inProgress.put(tick.jobId(), Optional.empty());
        }
        executor.execute(() -> run(tick));
    }

    /**
     * Each tick runs under the job's lease. While another instance holds it, the tick asks again every
     * {@code lease-retry} (the job stays in progress here, so its later ticks wait behind this one, merged): it runs
     * once the other instance released the job or, if that one crashed, its lease expired. The tick that waited
     * behind this one's cycle goes to the back of the runners' queue, not on with this thread: jobs whose cycles keep
     * failing slowly (no schema yet, an unreachable directory) must not keep every runner to themselves while other
     * jobs' ticks wait.
     */
    private void run(Tick tick) {
        if (!holdLease(tick.jobId())) {
            leaseRetries.schedule(() -> executor.execute(() -> run(tick)), config.leaseRetry().toMillis(),
                    TimeUnit.MILLISECONDS);
            return;
        }
        try (LogContext job = LogContext.job(tick.jobId())) {
            runUntilReported(tick);
        } finally {
            releaseLease(tick.jobId());
        }
        Tick next;
        Context waited;
        synchronized (inProgress) {
            next = inProgress.get(tick.jobId()).orElse(null);
            if (next == null) {
                inProgress.remove(tick.jobId());
                return;
            }
            inProgress.put(tick.jobId(), Optional.empty());
            waited = waitingTraces.remove(tick.jobId());
        }
        // the executor wraps the task in the current trace: the waiting tick's
        try (Scope traced = (waited == null ? Context.root() : waited).makeCurrent()) {
            executor.execute(() -> run(next));
        }
    }

    private boolean holdLease(String jobId) {
        try {
            if (leases.tryAcquire(jobId)) {
                return true;
            }
            LOG.debugf("job %s is read by another instance; its tick waits for the job's lease", jobId);
        } catch (RuntimeException e) {
            LOG.warnf("job %s: could not take the job's lease (%s); asking again", jobId, e.getMessage());
        }
        return false;
    }

    /** A lease that could not be released (database unreachable) expires by itself, unrenewed. */
    private void releaseLease(String jobId) {
        try {
            leases.release(jobId);
        } catch (RuntimeException e) {
            LOG.warnf("job %s: could not release the job's lease (%s); it expires unrenewed", jobId, e.getMessage());
        }
    }

    /**
     * The tick was acknowledged when it was handed over, so a cycle whose end cannot be published (Kafka down: the
     * read failed, and so did its CycleFinished) is run again here, a bounded number of times with exponential
     * back-off, while the job's next ticks wait. Each attempt re-reads what the one before could not publish, since
     * nothing unacknowledged was remembered; after the last, the job's next scheduled tick reads it.
     */
    private void runUntilReported(Tick tick) {
        Duration pause = config.reportBackoff();
        for (int attempt = 1; ; attempt++) {
            try {
                runCycle(tick);
                pending.done(tick);
                return;
            } catch (JobLeases.LeaseLostException e) {
                // Another instance may be reading the job now: this one stops, reports nothing, and leaves the tick
                // pending (the job's next tick, or a restart, runs it)
                LOG.warnf("job %s: %s; the cycle of tick %d stopped", tick.jobId(), e.getMessage(), tick.sequence());
                return;
            } catch (RuntimeException e) {
                if (attempt >= config.reportAttempts()) {
                    LOG.errorf(e, "job %s: gave up on tick %d, whose cycle could not report its end %d times",
                            tick.jobId(), tick.sequence(), attempt);
                    return;
                }
                LOG.warnf("job %s: the cycle of tick %d could not report its end (%s), again in %s", tick.jobId(),
                        tick.sequence(), e.getMessage(), pause);
            }
            try {
                Thread.sleep(pause.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            pause = pause.multipliedBy(2);
        }
    }

    /** The later tick, carrying the reset flags of both, and a full read if either asked for one. */
    static Tick merge(Tick earlier, Tick later) {
        EnumSet<RestartScope> reset = EnumSet.noneOf(RestartScope.class);
        reset.addAll(earlier.resetScope());
        reset.addAll(later.resetScope());
        Tick.CycleKind kind = earlier.cycleKind() == Tick.CycleKind.Initial ? Tick.CycleKind.Initial
                : later.cycleKind();
        return new Tick(later.eventId(), later.occurredAt(), later.jobId(), later.tickId(), later.sequence(), kind,
                reset, later.dueAt());
    }

    private void runCycle(Tick tick) {
        String jobId = tick.jobId();
        String cycleId = UUID.randomUUID().toString();
        Instant began = Instant.now();
        ChangePublisher.Batch batch = publisher.batch();
        try {
            batch.jobEvent(new JobEvent.CycleStarted(UUID.randomUUID().toString(), began, jobId, cycleId,
                    tick.cycleKind()));
            SchemaMirror.MirroredSchema mirrored = MirrorWait.until(() -> schemas.schemaOf(jobId),
                    tick.occurredAt(), config.configurationWait()).orElseThrow(() -> new CycleFailure(
                    "SchemaNotAvailable", "The job's schema has not reached the change detector yet.", false));
            SynchronizationSchema schema = parse(mirrored);
            Optional<String> inboundType = InboundSource.userType(schema);
            if (inboundType.isPresent()) {
                readInbound(tick, cycleId, began, inboundType.get(), batch);
                return;
            }
            Optional<String> csvType = InboundSource.userType(schema, CsvCycle.DIRECTORY);
            if (csvType.isPresent()) {
                Set<String> secretAttributes = secretSourceAttributes(schema);
                csv.read(tick, cycleId, began, csvType.get(), mirrored, batch,
                        image -> SealedValues.seal(transport, jobId, image, secretAttributes));
                return;
            }
            LdapSettings settings = MirrorWait.until(() -> secrets.secretsOf(mirrored.servicePrincipalId()),
                            tick.occurredAt(), config.configurationWait())
                    .flatMap(this::settings).orElseThrow(() -> new CycleFailure("CredentialsMissing",
                            "The source directory needs the secrets Server (ldap:// URL) and Domain (base DN), "
                                    + "and UserName/Password unless it allows anonymous reads.", true));
            JobEvent.CycleError warning = warnIfPasswordInClear(jobId, settings);
            if (RestartScope.clearsWatermark(tick.resetScope())) {
                state.clearWatermark(jobId);
            }
            Watermark watermark = state.watermark(jobId).orElse(null);
            boolean full = watermark == null || tick.cycleKind() == Tick.CycleKind.Initial;
            Tick.CycleKind kind = full ? Tick.CycleKind.Initial : Tick.CycleKind.Incremental;
            batch.objectChange(new ObjectChange.CycleBegan(UUID.randomUUID().toString(), Instant.now(), jobId, cycleId,
                    kind, tick.resetScope()));
            Set<String> secretAttributes = secretSourceAttributes(schema);
            CycleReader reader = new CycleReader(jobId, cycleId, batch, state, config.batchSize(),
                    () -> leases.ensureHeld(jobId),
                    image -> SealedValues.seal(transport, jobId, image, secretAttributes));
            Read read = read(jobId, settings, schema, reader, full ? null : watermark);
            Watermark next = read.next();
            // One warning fits the status: a password sent in clear matters more than a slower delta method
            if (warning == null && read.warning().isPresent()) {
                warning = new JobEvent.CycleError(DIRSYNC_NOT_PERMITTED, read.warning().get(), true);
            }
            // The provisioner ends the cycle on CycleReadCompleted: only sent once every object was acknowledged
            batch.awaitAcknowledgements();
            leases.ensureHeld(jobId);
            batch.objectChange(new ObjectChange.CycleReadCompleted(UUID.randomUUID().toString(), Instant.now(), jobId,
                    cycleId, kind, began, reader.imported(), reader.changes(), warning, null));
            batch.awaitAcknowledgements();
            state.saveWatermark(jobId, next);
            metrics.completed(jobId, kind, began, reader.imported(), reader.changes());
            LOG.infof("job %s cycle %s: %s read, %d objects, %d changes", jobId, cycleId, kind, reader.imported(),
                    reader.changes());
        } catch (JobLeases.LeaseLostException e) {
            throw e;
        } catch (CycleFailure e) {
            fail(tick, cycleId, began, e.error());
        } catch (LdapUnavailableException e) {
            fail(tick, cycleId, began, new JobEvent.CycleError("SourceUnreachable", e.getMessage(), false));
        } catch (LdapConfigurationException e) {
            fail(tick, cycleId, began, new JobEvent.CycleError("SourceConfigurationInvalid", e.getMessage(), true));
        } catch (SecretUnavailableException e) {
            fail(tick, cycleId, began, new JobEvent.CycleError("CredentialsUnreadable", e.getMessage(), true));
        } catch (EgressDeniedException e) {
            fail(tick, cycleId, began, new JobEvent.CycleError("EgressDenied", e.getMessage(), true));
        } catch (RuntimeException e) {
            LOG.errorf(e, "job %s cycle %s failed unexpectedly", jobId, cycleId);
            fail(tick, cycleId, began, new JobEvent.CycleError("InternalError", "The change detector failed "
                    + "unexpectedly: " + e, false));
        }
    }

    /**
     * A cycle of an API-sourced job publishes what was uploaded since the last one. It is always incremental: an
     * upload need not name every person, so no one is deprovisioned for being left out of it.
     */
    private void readInbound(Tick tick, String cycleId, Instant began, String userType, ChangePublisher.Batch batch) {
        String jobId = tick.jobId();
        batch.objectChange(new ObjectChange.CycleBegan(UUID.randomUUID().toString(), Instant.now(), jobId, cycleId,
                Tick.CycleKind.Incremental, tick.resetScope()));
        InboundReader reader = new InboundReader(jobId, cycleId, userType, batch, inbound, config.batchSize(),
                () -> leases.ensureHeld(jobId));
        reader.read();
        batch.awaitAcknowledgements();
        leases.ensureHeld(jobId);
        batch.objectChange(new ObjectChange.CycleReadCompleted(UUID.randomUUID().toString(), Instant.now(), jobId,
                cycleId, Tick.CycleKind.Incremental, began, reader.imported(), reader.imported()));
        batch.awaitAcknowledgements();
        metrics.completed(jobId, Tick.CycleKind.Incremental, began, reader.imported(), reader.imported());
        LOG.infof("job %s cycle %s: %d uploaded records", jobId, cycleId, reader.imported());
    }

    private Optional<LdapSettings> settings(Map<String, String> values) {
        try {
            return LdapSecrets.settings(values, egress, config.ldapTrustedCertificates().orElse(null));
        } catch (IllegalArgumentException e) {
            throw new CycleFailure("CredentialsInvalid", "The source directory's secrets are not usable: "
                    + e.getMessage(), true);
        }
    }

    /**
     * A simple bind over plain ldap:// shows the password to anyone on the path. Allowed (directories on a trusted
     * network do it), but every cycle that does it says so in the job status, where the admin looks (the log line
     * comes once per job and URL).
     *
     * @return the warning the cycle reports, or null
     */
    private JobEvent.CycleError warnIfPasswordInClear(String jobId, LdapSettings settings) {
        if (!settings.sendsPasswordInClear()) {
            return null;
        }
        String message = "The bind password for " + settings.url() + " is sent over plain LDAP, unencrypted; use an "
                + "ldaps:// Server or the secret AuthenticationType StartTls.";
        if (!settings.url().equals(warnedInClear.put(jobId, settings.url()))) {
            LOG.warnf("job %s: %s", jobId, message);
        }
        return new JobEvent.CycleError(PASSWORD_IN_CLEAR, message, true);
    }

    /** What a read leaves: the next watermark, and what the source warns about (see {@link LdapSource#warning()}). */
    private record Read(Watermark next, Optional<String> warning) {
    }

    /**
     * A delta read whose watermark the server no longer accepts becomes a full read. After the read, the directory
     * is watched from its new watermark where it can push changes ({@link SourceWatches}).
     */
    private Read read(String jobId, LdapSettings settings, SynchronizationSchema schema, CycleReader reader,
                      Watermark since) {
        try (LdapSource source = LdapSource.open(settings)) {
            SourcePlan plan = SourcePlan.of(schema, source.capabilities().activeDirectory()).orElseThrow(() ->
                    new CycleFailure("NothingToSynchronize", "No enabled object mapping reads from the source "
                            + "directory.", true));
            Watermark next = null;
            if (since != null) {
                try {
                    next = reader.delta(source, plan, since);
                } catch (WatermarkUnusableException e) {
                    LOG.warnf("watermark unusable (%s): reading everything", e.getMessage());
                }
            }
            if (next == null) {
                next = reader.full(source, plan);
            }
            watches.keep(jobId, settings, source, plan.queries(), next);
            return new Read(next, source.warning());
        }
    }

    /**
     * Publishes the failed cycle's end in a batch of its own (the cycle's may hold failures already); throws when
     * Kafka does not acknowledge it.
     */
    private void fail(Tick tick, String cycleId, Instant began, JobEvent.CycleError error) {
        LOG.warnf("job %s cycle %s failed: %s %s", tick.jobId(), cycleId, error.code(), error.message());
        ChangePublisher.Batch batch = publisher.batch();
        batch.jobEvent(new JobEvent.CycleFinished(UUID.randomUUID().toString(), Instant.now(), tick.jobId(), cycleId,
                tick.cycleKind(), began, Instant.now(), JobEvent.CycleResult.Failed, Map.of(), Map.of(), error,
                false));
        batch.awaitAcknowledgements();
        metrics.failed(tick.jobId(), error.code());
    }

    /**
     * Source attributes a {@code Redact} mapping reads, sealed on the topic. A mapping that does not compile is left
     * out: the provisioner fails the objects it would map.
     */
    static Set<String> secretSourceAttributes(SynchronizationSchema schema) {
        Set<String> secret = new HashSet<>();
        Optional.ofNullable(schema.synchronizationRules()).orElse(List.of()).forEach(rule -> Optional.ofNullable(
                rule.objectMappings()).orElse(List.of()).forEach(mapping -> {
            try {
                secret.addAll(CompiledObjectMapping.compile(mapping).secretSourceAttributes());
            } catch (InvalidMappingException e) {
                LOG.debugf("mapping %s does not compile: %s", mapping.name(), e.getMessage());
            }
        }));
        return secret;
    }

    private SynchronizationSchema parse(SchemaMirror.MirroredSchema mirrored) {
        try {
            return mapper.readValue(mirrored.schemaJson(), SynchronizationSchema.class);
        } catch (JsonProcessingException e) {
            throw new CycleFailure("SchemaUnreadable", "The job's schema cannot be read: " + e.getOriginalMessage(),
                    false);
        }
    }
}

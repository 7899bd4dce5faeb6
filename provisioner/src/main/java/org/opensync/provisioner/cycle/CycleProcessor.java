package org.opensync.provisioner.cycle;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.opensync.common.events.JobEvent;
import org.opensync.common.events.ObjectChange;
import org.opensync.common.events.RestartScope;
import org.opensync.common.events.Tick;
import org.opensync.common.events.Topics;
import org.opensync.common.logs.ProvisioningLogRecorded;
import org.opensync.provisioner.ProvisionerConfig;
import org.opensync.provisioner.cds.ConnectorDataStore;
import org.opensync.provisioner.cds.Deferred;
import org.opensync.provisioner.cds.DeferredWork;
import org.opensync.provisioner.cds.Link;
import org.opensync.provisioner.engine.JobContext;
import org.opensync.provisioner.engine.JobContexts;
import org.opensync.provisioner.engine.JobUnavailableException;
import org.opensync.provisioner.engine.ObjectProvisioner;
import org.opensync.provisioner.engine.Outcome;

/**
 * Works through one job's stream of object changes: objects between markers are provisioned in parallel (users
 * before groups, the latest image of an object winning), and at the end of a cycle escrows due for a retry,
 * unresolved references and staged deprovisioning are handled before the cycle's outcome is published.
 */
@ApplicationScoped
public class CycleProcessor {
    private static final Logger LOG = Logger.getLogger(CycleProcessor.class);

    private final JobContexts contexts;
    private final ObjectProvisioner provisioner;
    private final ConnectorDataStore links;
    private final DeferredWork deferred;
    private final Publisher publisher;
    private final String tenantId;
    private final ExecutorService workers;
    private final Map<String, CycleState> cycles = new ConcurrentHashMap<>();

    @Inject
    public CycleProcessor(JobContexts contexts, ObjectProvisioner provisioner, ConnectorDataStore links,
                          DeferredWork deferred, Publisher publisher, ProvisionerConfig config,
                          @ConfigProperty(name = "sync.tenant-id") String tenantId) {
        this.contexts = contexts;
        this.provisioner = provisioner;
        this.links = links;
        this.deferred = deferred;
        this.publisher = publisher;
        this.tenantId = tenantId;
        this.workers = Executors.newFixedThreadPool(config.parallelism(), r -> {
            Thread thread = new Thread(r, "provisioning-worker");
            thread.setDaemon(true);
            return thread;
        });
    }

    void stop(@Observes ShutdownEvent shutdown) {
        workers.shutdownNow();
    }

    /**
     * Like {@link #process}, but a failure stays with its job: the job's objects are escrowed for a later retry and
     * the other jobs of the batch go on (a batch is committed as a whole).
     */
    public void processIsolated(String jobId, List<ObjectChange> changes) {
        try {
            process(jobId, changes);
        } catch (RuntimeException e) {
            LOG.errorf(e, "job %s: %d object changes could not be processed; objects escrowed", jobId, changes.size());
            changes.stream().filter(c -> c instanceof ObjectChange.ObjectChanged).map(c -> (ObjectChange.ObjectChanged) c)
                    .forEach(change -> deferred.escrow(jobId, change, "InternalError", String.valueOf(e.getMessage()),
                            Duration.ZERO));
        }
    }

    /** One job's consecutive changes from a batch, in order. */
    public void process(String jobId, List<ObjectChange> changes) {
        List<ObjectChange.ObjectChanged> run = new ArrayList<>();
        for (ObjectChange change : changes) {
            if (change instanceof ObjectChange.ObjectChanged object) {
                run.add(object);
                continue;
            }
            provisionAll(jobId, run);
            run.clear();
            if (change instanceof ObjectChange.CycleBegan began) {
                begin(began);
            } else if (change instanceof ObjectChange.CycleReadCompleted completed) {
                finish(completed);
            }
        }
        provisionAll(jobId, run);
    }

    private void begin(ObjectChange.CycleBegan began) {
        String jobId = began.jobId();
        cycles.put(jobId, new CycleState(began.cycleId(), began.cycleKind(), began.occurredAt(), began.resetScope()));
        if (began.resetScope().contains(RestartScope.Escrows) || began.resetScope().contains(RestartScope.Full)) {
            deferred.clear(jobId, Deferred.ESCROW);
        }
        if (began.resetScope().contains(RestartScope.ConnectorDataStore)
                || began.resetScope().contains(RestartScope.Full)) {
            links.clear(jobId);
            deferred.clear(jobId, Deferred.REFERENCE);
        }
    }

    private void provisionAll(String jobId, List<ObjectChange.ObjectChanged> run) {
        if (run.isEmpty()) {
            return;
        }
        CycleState cycle = cycle(jobId, run.get(0).cycleId());
        JobContext job;
        try {
            job = contexts.get(jobId);
        } catch (JobUnavailableException e) {
            LOG.warnf("job %s cannot provision yet (%s); %d objects escrowed", jobId, e.getMessage(), run.size());
            run.forEach(change -> deferred.escrow(jobId, change, e.error().code(), e.getMessage(),
                    Duration.ZERO));
            return;
        }
        Map<String, ObjectChange.ObjectChanged> latest = new LinkedHashMap<>();
        run.forEach(change -> latest.put(change.anchor(), change));
        Map<String, Link> known = links.find(jobId, latest.keySet());
        Map<String, Set<Deferred>> pending = deferred.pending(jobId, latest.keySet());
        for (String type : typeOrder(job, latest.values())) {
            List<ObjectChange.ObjectChanged> ofType = latest.values().stream()
                    .filter(change -> change.objectType().equals(type)).toList();
            inParallel(ofType, change -> provisioner.provision(job, change, known.get(change.anchor()),
                            pending.getOrDefault(change.anchor(), Set.of()))
                    .ifPresent(outcome -> record(job, cycle, "export", change, outcome, Instant.now())));
        }
    }

    private void finish(ObjectChange.CycleReadCompleted completed) {
        String jobId = completed.jobId();
        CycleState cycle = cycle(jobId, completed.cycleId());
        cycles.remove(jobId);
        JobEvent.CycleError error = null;
        try {
            JobContext job = contexts.get(jobId);
            retry(job, cycle, Deferred.ESCROW, "retry");
            retry(job, cycle, Deferred.REFERENCE, "reference");
            deferred.clear(jobId, Deferred.REFERENCE);
            error = deprovision(job, cycle);
        } catch (JobUnavailableException e) {
            error = e.error();
        }
        if (error == null && cycle.failedCompletely()) {
            error = cycle.firstSystemicError.get();
        }
        JobEvent.CycleResult result = error != null ? JobEvent.CycleResult.Failed
                : cycle.failures.get() > 0 ? JobEvent.CycleResult.EntryLevelErrors : JobEvent.CycleResult.Succeeded;
        long escrowsLeft = deferred.count(jobId, Deferred.ESCROW);
        Map<String, Long> counts = Map.of(
                "countImported", completed.imported(),
                "countImportedDeltas", completed.changes(),
                "countExports", cycle.exports.get(),
                "countExported", cycle.exported.get(),
                "countEscrowed", cycle.escrowed.get(),
                "countEscrowedRaw", escrowsLeft,
                "countEntitled", completed.imported(),
                "countEntitledForProvisioning", completed.imported());
        Map<String, Long> byType = new LinkedHashMap<>();
        links.countByType(jobId).forEach((type, count) -> byType.put(type + " to " + type, count));
        boolean steady = result == JobEvent.CycleResult.Succeeded && escrowsLeft == 0
                && deferred.count(jobId, Deferred.DEPROVISION) == 0;
        publisher.send(Topics.JOB_EVENTS, new JobEvent.CycleFinished(UUID.randomUUID().toString(), Instant.now(), jobId,
                cycle.cycleId, cycle.kind, cycle.began, Instant.now(), result, counts, byType, error, steady));
        LOG.infof("job %s cycle %s finished: %s, %d exported, %d failed", jobId, cycle.cycleId, result,
                cycle.exported.get(), cycle.failures.get());
    }

    private void retry(JobContext job, CycleState cycle, Deferred kind, String phase) {
        List<ObjectChange.ObjectChanged> due = deferred.due(job.jobId(), kind, Instant.now()).stream()
                .map(DeferredWork.Escrow::change).toList();
        List<String> anchors = due.stream().map(ObjectChange.ObjectChanged::anchor).toList();
        Map<String, Link> known = links.find(job.jobId(), anchors);
        Map<String, Set<Deferred>> pending = deferred.pending(job.jobId(), anchors);
        inParallel(due, change -> provisioner.provision(job, change, known.get(change.anchor()),
                        pending.getOrDefault(change.anchor(), Set.of()))
                .ifPresent(outcome -> record(job, cycle, phase, change, outcome, Instant.now())));
    }

    /**
     * Disables and deletes staged during the cycle run now, unless there are as many as the deletion threshold:
     * then they wait, logged as staged deletes, until a restart with ForceDeletes (provisioning-behavior.md §1.13).
     */
    private JobEvent.CycleError deprovision(JobContext job, CycleState cycle) {
        List<ObjectChange.ObjectChanged> staged = deferred.due(job.jobId(), Deferred.DEPROVISION, Instant.now())
                .stream().map(DeferredWork.Escrow::change).toList();
        if (staged.isEmpty()) {
            return null;
        }
        if (job.deleteThreshold() > 0 && staged.size() >= job.deleteThreshold() && !cycle.forceDeletes()) {
            String reason = staged.size() + " objects would be disabled or deleted, which reaches the threshold of "
                    + job.deleteThreshold() + "; nothing was deprovisioned. Review the provisioning logs, then restart "
                    + "with resetScope ForceDeletes to allow them.";
            staged.forEach(change -> record(job, cycle, "staged", change, Outcome.stagedDelete(reason), Instant.now()));
            return new JobEvent.CycleError("TooManyDeletes", reason, true);
        }
        Map<String, Link> known = links.find(job.jobId(),
                staged.stream().map(ObjectChange.ObjectChanged::anchor).toList());
        inParallel(staged, change -> {
            Outcome outcome = provisioner.deprovision(job, change, known.get(change.anchor()));
            if (!outcome.failed()) {
                deferred.done(job.jobId(), Deferred.DEPROVISION, change.anchor());
            }
            record(job, cycle, "deprovision", change, outcome, Instant.now());
        });
        return null;
    }

    private void record(JobContext job, CycleState cycle, String phase, ObjectChange.ObjectChanged change,
                        Outcome outcome, Instant started) {
        cycle.count(outcome);
        publisher.send(Topics.PROVISIONING_LOGS, new ProvisioningLogRecorded(UUID.randomUUID().toString(),
                Instant.now(), job.jobId(), ProvisioningLogs.summary(tenantId, job, cycle.cycleId, phase, change,
                outcome, started)));
    }

    private CycleState cycle(String jobId, String cycleId) {
        CycleState current = cycles.get(jobId);
        if (current == null || !current.cycleId.equals(cycleId)) {
            current = new CycleState(cycleId, Tick.CycleKind.Incremental, Instant.now(),
                    EnumSet.noneOf(RestartScope.class));
            cycles.put(jobId, current);
        }
        return current;
    }

    /** The job's mapped types in mapping order (users before groups), then any others. */
    private static List<String> typeOrder(JobContext job, Collection<ObjectChange.ObjectChanged> changes) {
        List<String> order = new ArrayList<>(job.plans().keySet());
        changes.stream().map(ObjectChange.ObjectChanged::objectType).distinct()
                .filter(type -> !order.contains(type)).forEach(order::add);
        return order;
    }

    private void inParallel(List<ObjectChange.ObjectChanged> changes,
                            Consumer<ObjectChange.ObjectChanged> work) {
        List<Future<?>> running = new ArrayList<>(changes.size());
        for (ObjectChange.ObjectChanged change : changes) {
            running.add(workers.submit(() -> work.accept(change)));
        }
        for (Future<?> future : running) {
            try {
                future.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while provisioning", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("provisioning an object failed unexpectedly", e.getCause());
            }
        }
    }
}

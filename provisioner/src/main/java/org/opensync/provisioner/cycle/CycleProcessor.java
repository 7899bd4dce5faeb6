package org.opensync.provisioner.cycle;

import jakarta.enterprise.context.ApplicationScoped;
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
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.opensync.common.events.JobEvent;
import org.opensync.common.events.ObjectChange;
import org.opensync.common.events.RestartScope;
import org.opensync.common.events.Tick;
import org.opensync.common.events.Topics;
import org.opensync.common.kafka.FailureKind;
import org.opensync.common.logs.LogContext;
import org.opensync.common.logs.ProvisioningLogRecorded;
import org.opensync.common.tenancy.Tenants;
import org.opensync.provisioner.ProvisionerConfig;
import org.opensync.provisioner.cds.ConnectorDataStore;
import org.opensync.provisioner.cds.Deferred;
import org.opensync.provisioner.cds.DeferredWork;
import org.opensync.provisioner.cds.Link;
import org.opensync.provisioner.cds.RunningCycles;
import org.opensync.provisioner.engine.Deprovisioner;
import org.opensync.provisioner.engine.JobContext;
import org.opensync.provisioner.engine.JobContexts;
import org.opensync.provisioner.engine.JobUnavailableException;
import org.opensync.provisioner.engine.MatchAnswers;
import org.opensync.provisioner.engine.ObjectProvisioner;
import org.opensync.provisioner.engine.Outcome;
import org.opensync.provisioner.engine.ReferenceExport;

/**
 * Works through one job's stream of object changes: objects between markers are provisioned in parallel (users
 * before groups, the latest image of an object winning), and at the end of a cycle escrows due for a retry,
 * unresolved references and staged deprovisioning are handled before the cycle's outcome is published.
 */
@ApplicationScoped
public class CycleProcessor {
    private static final Logger LOG = Logger.getLogger(CycleProcessor.class);
    /** Phases that set references (unresolved ones at the end of the cycle, those to deleted objects). */
    private static final Set<String> REFERENCE_PHASES = Set.of("reference", "references");

    private final JobContexts contexts;
    private final ObjectProvisioner provisioner;
    private final Deprovisioner deprovisioner;
    private final ReferenceExport references;
    private final ConnectorDataStore links;
    private final DeferredWork deferred;
    private final RunningCycles runningCycles;
    private final Publisher publisher;
    private final String defaultTenant;
    private final JobWorkers workers;
    private final Duration escrowRetry;
    private final boolean batchedMatching;
    private final ProvisioningMetrics metrics;
    private final Map<String, CycleState> cycles = new ConcurrentHashMap<>();

    @Inject
    public CycleProcessor(JobContexts contexts, ObjectProvisioner provisioner, Deprovisioner deprovisioner,
                          ReferenceExport references, ConnectorDataStore links, DeferredWork deferred,
                          RunningCycles runningCycles, Publisher publisher, JobWorkers workers,
                          ProvisionerConfig config, @ConfigProperty(name = "sync.tenant-id") String defaultTenant,
                          ProvisioningMetrics metrics) {
        this.contexts = contexts;
        this.provisioner = provisioner;
        this.deprovisioner = deprovisioner;
        this.references = references;
        this.links = links;
        this.deferred = deferred;
        this.runningCycles = runningCycles;
        this.publisher = publisher;
        this.defaultTenant = defaultTenant;
        this.workers = workers;
        this.escrowRetry = config.escrowRetry();
        this.batchedMatching = config.batchedMatching();
        this.metrics = metrics;
    }

    /**
     * Like {@link #process}, but a failure stays with its job: the job's objects are escrowed for a later retry and
     * the other jobs of the batch go on (a batch is committed as a whole). Transient failures of the database or the
     * broker are thrown, for the consumer to retry, and so is an interruption (the instance is stopping): the batch is
     * then not committed, and the partition's next owner provisions its objects as they come instead of escrowing them
     * as failures.
     */
    public void processIsolated(String jobId, List<ObjectChange> changes) {
        try (LogContext job = LogContext.job(jobId)) {
            process(jobId, changes);
        } catch (RuntimeException e) {
            if (FailureKind.of(e) == FailureKind.TRANSIENT) {
                throw e; // the database, the broker or a stop: the job's share of the batch is redone
            }
            LOG.errorf(e, "job %s: %d object changes could not be processed; objects escrowed", jobId, changes.size());
            changes.stream().filter(c -> c instanceof ObjectChange.ObjectChanged).map(c -> (ObjectChange.ObjectChanged) c)
                    .forEach(change -> deferred.escrow(jobId, change, "InternalError", String.valueOf(e.getMessage()),
                            null, Duration.ZERO));
        }
    }

    /** One job's changes from a batch, in order, within the job's time budget for the batch. */
    public void process(String jobId, List<ObjectChange> changes) {
        Instant deadline = workers.deadline();
        List<ObjectChange.ObjectChanged> run = new ArrayList<>();
        for (ObjectChange change : changes) {
            if (change instanceof ObjectChange.ObjectChanged object) {
                run.add(object);
                continue;
            }
            provisionAll(jobId, run, deadline);
            run.clear();
            if (change instanceof ObjectChange.CycleBegan began) {
                begin(began);
            } else if (change instanceof ObjectChange.CycleReadCompleted completed) {
                finish(completed, deadline);
            }
        }
        provisionAll(jobId, run, deadline);
    }

    private void begin(ObjectChange.CycleBegan began) {
        String jobId = began.jobId();
        CycleState cycle = new CycleState(began.cycleId(), began.cycleKind(), began.occurredAt(), began.resetScope());
        runningCycles.begin(cycle.snapshot(jobId));
        cycles.put(jobId, cycle);
        if (began.resetScope().contains(RestartScope.Escrows) || began.resetScope().contains(RestartScope.Full)) {
            deferred.clear(jobId, Deferred.ESCROW);
        }
        if (began.resetScope().contains(RestartScope.ConnectorDataStore)
                || began.resetScope().contains(RestartScope.Full)) {
            links.rematchAll(jobId);
            deferred.clear(jobId, Deferred.REFERENCE);
        }
    }

    private void provisionAll(String jobId, List<ObjectChange.ObjectChanged> run, Instant deadline) {
        if (run.isEmpty()) {
            return;
        }
        CycleState cycle = cycle(jobId, run.get(0).cycleId());
        if (cycle.full()) {
            links.markSeen(jobId, cycle.cycleId, run.stream().map(ObjectChange.ObjectChanged::anchor).toList());
        }
        try {
            provisionAll(jobId, cycle, run, deadline);
        } finally {
            runningCycles.saveCounts(cycle.snapshot(jobId));
        }
        // The total is known only when the read completes: Graph's progress then counts objects done so far
        publisher.send(Topics.JOB_EVENTS, new JobEvent.CycleProgressed(UUID.randomUUID().toString(), Instant.now(),
                jobId, cycle.cycleId, cycle.processed.get(), 0, "objects"));
    }

    private void provisionAll(String jobId, CycleState cycle, List<ObjectChange.ObjectChanged> run,
                              Instant deadline) {
        JobContext job;
        try {
            job = contexts.get(jobId, run.get(0).occurredAt());
        } catch (JobUnavailableException e) {
            LOG.warnf("job %s cannot provision yet (%s); %d objects escrowed", jobId, e.getMessage(), run.size());
            run.forEach(change -> deferred.escrow(jobId, change, e.error().code(), e.getMessage(), null,
                    Duration.ZERO));
            return;
        }
        Map<String, ObjectChange.ObjectChanged> latest = new LinkedHashMap<>();
        run.forEach(change -> latest.put(change.anchor(), change));
        latest.values().removeIf(change -> {
            boolean busy = workers.busy(jobId, change.anchor());
            if (busy) {
                late(job, cycle, "export", change);
            }
            return busy;
        });
        Map<String, Link> known = links.find(jobId, latest.keySet());
        Map<String, Set<Deferred>> pending = deferred.pending(jobId, latest.keySet());
        for (String type : typeOrder(job, latest.values())) {
            List<ObjectChange.ObjectChanged> ofType = latest.values().stream()
                    .filter(change -> change.objectType().equals(type)).toList();
            MatchAnswers answers = batchedMatching ? provisioner.matchAhead(job, type, ofType.stream()
                    .filter(change -> !known.containsKey(change.anchor())).toList(), deadline) : MatchAnswers.NONE;
            workers.forEach(jobId, deadline, ofType, change -> provisioner.provision(job, change,
                            known.get(change.anchor()), pending.getOrDefault(change.anchor(), Set.of()), cycle.baseline(),
                            answers)
                    .ifPresent(outcome -> record(job, cycle, "export", outcome, change, Instant.now())),
                    change -> late(job, cycle, "export", change));
        }
    }

    private void finish(ObjectChange.CycleReadCompleted completed, Instant deadline) {
        String jobId = completed.jobId();
        CycleState cycle = cycle(jobId, completed.cycleId());
        cycles.remove(jobId);
        JobEvent.CycleError error = null;
        try {
            JobContext job = contexts.get(jobId, completed.occurredAt());
            if (cycle.full()) {
                stageUnseen(job, cycle);
            }
            retry(job, cycle, Deferred.ESCROW, "retry", deadline);
            deferred.wakeResolvable(jobId);
            retry(job, cycle, Deferred.REFERENCE, "reference", deadline);
            error = deprovision(job, cycle, deadline);
        } catch (JobUnavailableException e) {
            error = e.error();
        }
        if (error == null && cycle.failedCompletely()) {
            error = cycle.firstSystemicError.get();
        }
        JobEvent.CycleResult result = error != null ? JobEvent.CycleResult.Failed
                : cycle.failures.get() > 0 ? JobEvent.CycleResult.EntryLevelErrors : JobEvent.CycleResult.Succeeded;
        if (error == null) {
            // Graph's status has no warnings: a cycle that worked carries the read's warning as its error
            error = completed.warning();
        }
        long escrowsLeft = deferred.count(jobId, Deferred.ESCROW);
        Map<String, Long> counts = Map.of(
                "countImported", completed.imported(),
                "countImportedDeltas", completed.changes(),
                "countExports", cycle.exports.get(),
                "countExported", cycle.exported.get(),
                "countEscrowed", cycle.escrowed.get(),
                "countFailures", cycle.failures.get(),
                "countReferenceFailures", cycle.referenceFailures.get(),
                "countEscrowedRaw", escrowsLeft,
                "countEntitled", completed.imported(),
                "countEntitledForProvisioning", completed.imported());
        Map<String, Long> byType = new LinkedHashMap<>();
        links.countByType(jobId).forEach((type, count) -> byType.put(type + " to " + type, count));
        long stagedDeletes = deferred.count(jobId, Deferred.DEPROVISION);
        boolean steady = result == JobEvent.CycleResult.Succeeded && escrowsLeft == 0 && stagedDeletes == 0;
        runningCycles.finished(jobId, cycle.cycleId);
        publisher.send(Topics.JOB_EVENTS, new JobEvent.CycleFinished(UUID.randomUUID().toString(), Instant.now(), jobId,
                cycle.cycleId, cycle.kind, cycle.began, Instant.now(), result, counts, byType, error, steady));
        metrics.cycleFinished(jobId, cycle.kind, result, cycle.began, cycle.exports.get(), escrowsLeft, stagedDeletes);
        LOG.infof("job %s cycle %s finished: %s, %d exported, %d failed", jobId, cycle.cycleId, result,
                cycle.exported.get(), cycle.failures.get());
    }

    /**
     * Escrows due for a retry and references left unresolved, a page at a time. An escrowed image of an object whose
     * disable or delete is staged is dropped: deprovisioning wins over any earlier change.
     */
    private void retry(JobContext job, CycleState cycle, Deferred kind, String phase, Instant deadline) {
        deferred.forEachDue(job.jobId(), kind, Instant.now(), page -> {
            List<String> anchors = page.stream().map(escrow -> escrow.change().anchor()).toList();
            Map<String, Link> known = links.find(job.jobId(), anchors);
            Map<String, Set<Deferred>> pending = deferred.pending(job.jobId(), anchors);
            List<ObjectChange.ObjectChanged> due = new ArrayList<>();
            for (DeferredWork.Escrow escrow : page) {
                ObjectChange.ObjectChanged change = escrow.change();
                if (pending.getOrDefault(change.anchor(), Set.of()).contains(Deferred.DEPROVISION)
                        && !change.deleted()) {
                    deferred.done(job.jobId(), kind, change.anchor());
                } else if (!workers.busy(job.jobId(), change.anchor())) {
                    due.add(change);
                }
            }
            workers.forEach(job.jobId(), deadline, due, change -> provisioner.provision(job, change,
                            known.get(change.anchor()), pending.getOrDefault(change.anchor(), Set.of()),
                            ObjectProvisioner.Baseline.LAST_EXPORTED)
                    .ifPresent(outcome -> record(job, cycle, phase, kind == Deferred.REFERENCE
                            ? referencesRetried(job, change, outcome) : outcome, change, Instant.now())),
                    change -> late(job, cycle, phase, change));
        });
    }

    /**
     * A full cycle read every object of the source: a linked object it did not read was deleted there, perhaps while
     * a change of it was lost (as in Entra's full sync). Its deletion is staged like any
     * other, so the deletion threshold applies.
     */
    private void stageUnseen(JobContext job, CycleState cycle) {
        Set<String> types = job.plans().keySet();
        String after = "";
        while (true) {
            List<Link> unseen = links.unseen(job.jobId(), cycle.cycleId, types, after, DeferredWork.PAGE_SIZE);
            if (unseen.isEmpty()) {
                return;
            }
            for (Link link : unseen) {
                deferred.stageDeprovisioning(job.jobId(), new ObjectChange.ObjectChanged(UUID.randomUUID().toString(),
                        Instant.now(), job.jobId(), cycle.cycleId, link.objectType(), link.anchor(), link.sourceDn(),
                        true, Map.of()));
            }
            after = unseen.get(unseen.size() - 1).anchor();
        }
    }

    /**
     * References still unresolved at the end of the cycle wait for the objects they name: they are set as soon as
     * those get a target object, at the end of whichever cycle creates them (e.g. members whose creation the target
     * refused for a while, that a stopping instance handed back, or that the source read only in the next cycle).
     */
    private Outcome referencesRetried(JobContext job, ObjectChange.ObjectChanged change, Outcome outcome) {
        List<String> unresolved = outcome.failed() ? List.of() : outcome.unresolvedReferences();
        deferred.park(job.jobId(), change.anchor(), unresolved);
        if (!unresolved.isEmpty()) {
            outcome.warning(unresolved.size() + " references are not set yet: the objects they name have no target "
                    + "object (escrowed, out of scope or not read yet), e.g. " + unresolved.get(0) + ". They are set "
                    + "once those objects are provisioned.");
        }
        return outcome;
    }

    /**
     * Disables and deletes staged during the cycle run now, unless there are as many as the deletion threshold:
     * then they wait, logged as staged deletes, until a restart with ForceDeletes.
     * References to deleted objects are then removed from the groups and managers that hold them.
     */
    private JobEvent.CycleError deprovision(JobContext job, CycleState cycle, Instant deadline) {
        long staged = deferred.countDue(job.jobId(), Deferred.DEPROVISION, Instant.now());
        if (staged == 0) {
            return null;
        }
        if (job.deleteThreshold() > 0 && staged >= job.deleteThreshold() && !cycle.forceDeletes()) {
            String reason = staged + " objects would be disabled or deleted, which reaches the threshold of "
                    + job.deleteThreshold() + "; nothing was deprovisioned. Review the provisioning logs, then restart "
                    + "with resetScope ForceDeletes to allow them.";
            deferred.forEachDue(job.jobId(), Deferred.DEPROVISION, Instant.now(), page -> page.forEach(escrow ->
                    record(job, cycle, "staged", Outcome.stagedDelete(reason), escrow.change(), Instant.now())));
            return new JobEvent.CycleError("TooManyDeletes", reason, true);
        }
        deferred.forEachDue(job.jobId(), Deferred.DEPROVISION, Instant.now(), page -> {
            List<ObjectChange.ObjectChanged> changes = page.stream().map(DeferredWork.Escrow::change).toList();
            Map<String, Link> known = links.findAny(job.jobId(),
                    changes.stream().map(ObjectChange.ObjectChanged::anchor).toList());
            Set<String> deletedIds = ConcurrentHashMap.newKeySet();
            workers.forEach(job.jobId(), deadline, changes, change -> {
                Outcome outcome = deprovisioner.deprovision(job, change, known.get(change.anchor()));
                if (!outcome.failed()) {
                    deferred.done(job.jobId(), Deferred.DEPROVISION, change.anchor());
                }
                if ("delete".equals(outcome.action()) && outcome.wasExported()) {
                    deletedIds.add(outcome.targetId());
                }
                record(job, cycle, "deprovision", outcome, change, Instant.now());
            }, change -> LOG.warnf("job %s: deprovisioning %s did not end within the job's time budget; it is "
                    + "retried at the next cycle", job.jobId(), change.anchor()));
            references.dropReferencesTo(job, deletedIds, (link, outcome) -> record(job, cycle, "references",
                    outcome, referrer(job, cycle, link), Instant.now()));
        });
        return null;
    }

    /** The object a reference was removed from, as its provisioning-log record names it. */
    private static ObjectChange.ObjectChanged referrer(JobContext job, CycleState cycle, Link link) {
        return new ObjectChange.ObjectChanged(UUID.randomUUID().toString(), Instant.now(), job.jobId(), cycle.cycleId,
                link.objectType(), link.anchor(), link.sourceDn(), false, Map.of());
    }

    /** An object the job's time budget left no room for: escrowed, so that a later cycle exports it. */
    private void late(JobContext job, CycleState cycle, String phase, ObjectChange.ObjectChanged change) {
        DeferredWork.EscrowAttempt attempt = deferred.escrow(job.jobId(), change, "Timeout", "The target did not "
                + "take this object within the job's time budget for a batch", null, escrowRetry);
        String why = "The target application answers too slowly: the object did not get its turn within the job's "
                + "time budget";
        record(job, cycle, phase, attempt.givenUp()
                ? Outcome.late(why + " for " + attempt.attempts() + " attempts over more than the escrow period; it "
                        + "is no longer retried until it changes in the source or at a restart.", null)
                : Outcome.late(why + " and is retried after " + attempt.nextRetry() + " (escrow attempt "
                        + attempt.attempts() + ").", attempt.retryMessage()), change, Instant.now());
    }

    private void record(JobContext job, CycleState cycle, String phase, Outcome outcome,
                        ObjectChange.ObjectChanged change, Instant started) {
        cycle.count(outcome, REFERENCE_PHASES.contains(phase));
        metrics.recorded(job.jobId(), outcome, change.occurredAt());
        publisher.send(Topics.PROVISIONING_LOGS, new ProvisioningLogRecorded(UUID.randomUUID().toString(),
                Instant.now(), job.jobId(), ProvisioningLogs.summary(tenantOf(job.jobId()), job, cycle.cycleId, phase, change,
                outcome, started)));
    }

    /**
     * The job's cycle: as this instance counts it, else as stored (after a restart or a rebalance), else an
     * incremental cycle whose beginning this instance never saw.
     */
    private CycleState cycle(String jobId, String cycleId) {
        CycleState current = cycles.get(jobId);
        if (current == null || !current.cycleId.equals(cycleId)) {
            current = runningCycles.find(jobId, cycleId).map(CycleState::restore).orElseGet(() -> {
                CycleState unseen = new CycleState(cycleId, Tick.CycleKind.Incremental, Instant.now(),
                        EnumSet.noneOf(RestartScope.class));
                runningCycles.begin(unseen.snapshot(jobId));
                return unseen;
            });
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


    /** The tenant the job id names (ids of jobs created before tenancy name the installation's default tenant). */
    private String tenantOf(String jobId) {
        return Tenants.ofJob(jobId).map(UUID::toString).orElse(defaultTenant);
    }
}

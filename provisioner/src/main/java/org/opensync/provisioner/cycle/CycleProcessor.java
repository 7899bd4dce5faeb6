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
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
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
import org.opensync.provisioner.engine.BatchLookups;
import org.opensync.provisioner.engine.MatchAnswers;
import org.opensync.provisioner.engine.MatchingClaims;
import org.opensync.provisioner.engine.ObjectProvisioner;
import org.opensync.provisioner.engine.Outcome;
import org.opensync.provisioner.engine.ReferenceExport;
import org.opensync.provisioner.engine.WorkedBy;

/**
 * Works through one slice of a job's stream of object changes ({@link JobSlice}): objects between markers are
 * provisioned in parallel (users before groups, the latest image of an object winning). When the last slice of a
 * cycle completed its read, escrows due for a retry, unresolved references and staged deprovisioning are handled, in
 * the turn of the whole job, before the cycle's outcome is published.
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
    private final JobTurns turns;
    private final MatchingClaims claims;
    /** The cycles this instance counts in, by job and cycle id. */
    private final Map<String, CycleState> cycles = new ConcurrentHashMap<>();

    @Inject
    public CycleProcessor(JobContexts contexts, ObjectProvisioner provisioner, Deprovisioner deprovisioner,
                          ReferenceExport references, ConnectorDataStore links, DeferredWork deferred,
                          RunningCycles runningCycles, Publisher publisher, JobWorkers workers, JobTurns turns,
                          MatchingClaims claims, ProvisionerConfig config,
                          @ConfigProperty(name = "sync.tenant-id") String defaultTenant, ProvisioningMetrics metrics) {
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
        this.turns = turns;
        this.claims = claims;
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
    public void processIsolated(JobSlice slice, List<ObjectChange> changes) {
        String jobId = slice.jobId();
        try (LogContext job = LogContext.job(jobId)) {
            process(slice, changes);
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

    /**
     * One slice's changes from a batch, in order, within the job's time budget for the batch. The caller has the
     * slice's turn ({@link JobTurns}).
     */
    public void process(JobSlice slice, List<ObjectChange> changes) {
        Instant deadline = workers.deadline();
        List<ObjectChange.ObjectChanged> run = new ArrayList<>();
        for (ObjectChange change : changes) {
            if (change instanceof ObjectChange.ObjectChanged object) {
                run.add(object);
                continue;
            }
            provisionAll(slice, run, deadline);
            run.clear();
            if (change instanceof ObjectChange.CycleBegan began) {
                begin(slice, began);
            } else if (change instanceof ObjectChange.CycleReadCompleted completed) {
                complete(slice, completed, deadline);
            }
        }
        provisionAll(slice, run, deadline);
    }

    /**
     * The first slice to begin a cycle records it; a reset the restart asked for is applied then, in the turn of the
     * whole job, so that no slice works an object meanwhile and none begins the cycle before the reset is done.
     */
    private void begin(JobSlice slice, ObjectChange.CycleBegan began) {
        String jobId = began.jobId();
        CycleState cycle = new CycleState(began.cycleId(), began.cycleKind(), began.occurredAt(), began.resetScope(),
                slices(began.slices()));
        // What this instance counted for the job's earlier cycles was added to their totals after each batch
        cycles.keySet().removeIf(key -> key.startsWith(jobId + "\n"));
        cycles.put(key(jobId, cycle.cycleId), cycle);
        Set<RestartScope> scope = began.resetScope();
        boolean escrows = scope.contains(RestartScope.Escrows) || scope.contains(RestartScope.Full);
        boolean connectorDataStore = scope.contains(RestartScope.ConnectorDataStore)
                || scope.contains(RestartScope.Full);
        if (!escrows && !connectorDataStore) {
            runningCycles.begin(cycle.beginning(jobId));
            return;
        }
        wholeJob(slice, () -> {
            // Reset, then record: a crash in between resets again (a reset is idempotent), never not at all
            if (!runningCycles.recorded(jobId, cycle.cycleId)) {
                if (escrows) {
                    deferred.clear(jobId, Deferred.ESCROW);
                }
                if (connectorDataStore) {
                    links.rematchAll(jobId);
                    deferred.clear(jobId, Deferred.REFERENCE);
                }
                runningCycles.begin(cycle.beginning(jobId));
            }
        });
    }

    private void provisionAll(JobSlice slice, List<ObjectChange.ObjectChanged> run, Instant deadline) {
        if (run.isEmpty()) {
            return;
        }
        String jobId = slice.jobId();
        CycleState cycle = cycle(jobId, run.get(0).cycleId(), null);
        if (cycle.full()) {
            links.markSeen(jobId, cycle.began, run.stream().map(ObjectChange.ObjectChanged::anchor).toList());
        }
        Optional<RunningCycles.RunningCycle> totals;
        try {
            provisionAll(jobId, List.of(slice.lease()), cycle, run, deadline);
        } finally {
            totals = save(jobId, cycle);
        }
        // The total is known only when the read completes: Graph's progress then counts objects done so far
        totals.ifPresent(stored -> publisher.send(Topics.JOB_EVENTS, new JobEvent.CycleProgressed(
                UUID.randomUUID().toString(), Instant.now(), jobId, cycle.cycleId,
                CycleState.total(stored, CycleState.PROCESSED), 0, "objects")));
    }

    private void provisionAll(String jobId, List<String> held, CycleState cycle,
                              List<ObjectChange.ObjectChanged> run, Instant deadline) {
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
            BatchLookups ahead = new BatchLookups(answers, references.lookAhead(job, type, ofType));
            workers.forEach(jobId, held, deadline, ofType, change -> provisioner.provision(job, change,
                            known.get(change.anchor()), pending.getOrDefault(change.anchor(), Set.of()), cycle.baseline(),
                            ahead, cycle.workedBy())
                    .ifPresent(outcome -> record(job, cycle, "export", outcome, change, Instant.now())),
                    change -> late(job, cycle, "export", change));
        }
    }

    /**
     * The slice read the whole cycle; when it is the last of the cycle's slices to do so, the cycle ends here, in the
     * turn of the whole job (the end works on objects of every slice).
     */
    private void complete(JobSlice slice, ObjectChange.CycleReadCompleted completed, Instant deadline) {
        String jobId = completed.jobId();
        CycleState cycle = cycle(jobId, completed.cycleId(), completed.slices());
        if (cycle.workedBy() == WorkedBy.SEVERAL_INSTANCES) {
            setReferencesOf(slice, cycle, completed, deadline);
        }
        if (!runningCycles.completeSlice(jobId, cycle.cycleId, slice.partition(), slices(completed.slices()))) {
            return;
        }
        wholeJob(slice, () -> {
            // Another instance may have ended it meanwhile (a batch redone after a crash completes its slice again)
            if (runningCycles.find(jobId, cycle.cycleId).isPresent()) {
                finish(cycle, completed, deadline);
            }
        });
    }

    /**
     * A slice of a spread cycle sets the references of its own objects that name objects linked by now (another
     * slice created a member or a manager after this one exported the object), so that the instances share that
     * work; what is still unresolved waits for the end of the cycle, as without spreading.
     */
    private void setReferencesOf(JobSlice slice, CycleState cycle, ObjectChange.CycleReadCompleted completed,
                                 Instant deadline) {
        JobContext job;
        try {
            job = contexts.get(slice.jobId(), completed.occurredAt());
        } catch (JobUnavailableException e) {
            return; // the end of the cycle reports it
        }
        deferred.wakeResolvable(slice.jobId());
        retry(job, cycle, Deferred.REFERENCE, "reference", deadline, List.of(slice.lease()), cycle.workedBy(),
                anchor -> ObjectChange.partitionOf(slice.jobId(), anchor, cycle.slices) == slice.partition());
        save(slice.jobId(), cycle);
    }

    private void finish(CycleState cycle, ObjectChange.CycleReadCompleted completed, Instant deadline) {
        String jobId = completed.jobId();
        cycles.remove(key(jobId, cycle.cycleId));
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
        if (cycle.workedBy() == WorkedBy.SEVERAL_INSTANCES) {
            claims.endCycle(jobId, cycle.cycleId);
        }
        RunningCycles.RunningCycle totals = save(jobId, cycle).orElseThrow(() -> new IllegalStateException(
                "job " + jobId + ": cycle " + cycle.cycleId + " is no longer recorded while it ends"));
        if (error == null && CycleState.failedCompletely(totals)) {
            error = totals.firstTargetError();
        }
        long failures = CycleState.total(totals, CycleState.FAILURES);
        JobEvent.CycleResult result = error != null ? JobEvent.CycleResult.Failed
                : failures > 0 ? JobEvent.CycleResult.EntryLevelErrors : JobEvent.CycleResult.Succeeded;
        if (error == null) {
            // Graph's status has no warnings: a cycle that worked carries the read's warning as its error
            error = completed.warning();
        }
        long escrowsLeft = deferred.count(jobId, Deferred.ESCROW);
        Map<String, Long> counts = Map.of(
                "countImported", completed.imported(),
                "countImportedDeltas", completed.changes(),
                "countExports", CycleState.total(totals, CycleState.EXPORTS),
                "countExported", CycleState.total(totals, CycleState.EXPORTED),
                "countEscrowed", CycleState.total(totals, CycleState.ESCROWED),
                "countFailures", failures,
                "countReferenceFailures", CycleState.total(totals, CycleState.REFERENCE_FAILURES),
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
        metrics.cycleFinished(jobId, cycle.kind, result, cycle.began, CycleState.total(totals, CycleState.EXPORTS),
                escrowsLeft, stagedDeletes);
        LOG.infof("job %s cycle %s finished: %s, %d exported, %d failed", jobId, cycle.cycleId, result,
                CycleState.total(totals, CycleState.EXPORTED), failures);
    }

    /**
     * Escrows due for a retry and references left unresolved, a page at a time. An escrowed image of an object whose
     * disable or delete is staged is dropped: deprovisioning wins over any earlier change.
     */
    private void retry(JobContext job, CycleState cycle, Deferred kind, String phase, Instant deadline) {
        retry(job, cycle, kind, phase, deadline, turns.leases(job.jobId()), WorkedBy.THIS_INSTANCE, anchor -> true);
    }

    /**
     * @param held     the leases the caller holds: the whole job's, or a slice's
     * @param workedBy whether other instances work the job's other slices meanwhile
     * @param mine     the anchors the caller may work (a slice works its own)
     */
    private void retry(JobContext job, CycleState cycle, Deferred kind, String phase, Instant deadline,
                       List<String> held, WorkedBy workedBy, Predicate<String> mine) {
        deferred.forEachDue(job.jobId(), kind, Instant.now(), everyPage -> {
            List<DeferredWork.Escrow> page = everyPage.stream().filter(escrow -> mine.test(escrow.change().anchor()))
                    .toList();
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
            workers.forEach(job.jobId(), held, deadline, due, change -> provisioner.provision(job, change,
                            known.get(change.anchor()), pending.getOrDefault(change.anchor(), Set.of()),
                            ObjectProvisioner.Baseline.LAST_EXPORTED, BatchLookups.NONE, workedBy)
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
            List<Link> unseen = links.unseen(job.jobId(), cycle.cycleId, cycle.began, types, after,
                    DeferredWork.PAGE_SIZE);
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
            workers.forEach(job.jobId(), turns.leases(job.jobId()), deadline, changes, change -> {
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
     * The job's cycle: as this instance counts it, else as stored (after a restart or a rebalance, or begun by
     * another slice), else an incremental cycle whose beginning was never seen.
     *
     * @param slices how many slices the cycle has, when the record at hand says (null: one)
     */
    private CycleState cycle(String jobId, String cycleId, Integer slices) {
        return cycles.computeIfAbsent(key(jobId, cycleId), key -> runningCycles.find(jobId, cycleId)
                .map(CycleState::of).orElseGet(() -> {
                    CycleState unseen = new CycleState(cycleId, Tick.CycleKind.Incremental, Instant.now(),
                            EnumSet.noneOf(RestartScope.class), slices(slices));
                    runningCycles.begin(unseen.beginning(jobId));
                    return unseen;
                }));
    }

    /** Adds what this instance counted to the cycle's totals; empty when the cycle ended meanwhile. */
    private Optional<RunningCycles.RunningCycle> save(String jobId, CycleState cycle) {
        return runningCycles.add(jobId, cycle.cycleId, cycle.drain(), cycle.firstSystemicError());
    }

    /** Whole-job work from within a slice's turn. */
    private void wholeJob(JobSlice slice, Runnable work) {
        try {
            turns.wholeJobFrom(slice, () -> {
                work.run();
                return null;
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the turn of job " + slice.jobId(), e);
        }
    }

    private static int slices(Integer slices) {
        return slices == null ? 1 : slices;
    }

    private static String key(String jobId, String cycleId) {
        return jobId + "\n" + cycleId;
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

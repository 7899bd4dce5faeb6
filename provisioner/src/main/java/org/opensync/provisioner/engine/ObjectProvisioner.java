package org.opensync.provisioner.engine;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;
import org.opensync.common.events.ObjectChange;
import org.opensync.common.secrets.SealedValues;
import org.opensync.common.secrets.SecretBox;
import org.opensync.common.secrets.SecretUnavailableException;
import org.opensync.common.secrets.SecretsConfig;
import org.opensync.connectors.target.ProvisioningTarget;
import org.opensync.connectors.target.TargetException;
import org.opensync.connectors.target.TargetObject;
import org.opensync.mapping.apply.MappingResult;
import org.opensync.mapping.apply.MatchingValue;
import org.opensync.mapping.apply.Operation;
import org.opensync.common.tenancy.TenancyConfig;
import org.opensync.mapping.expression.EvaluationEnvironment;
import org.opensync.mapping.model.ObjectFlowType;
import org.opensync.mapping.scoping.ScopeDecision;
import org.opensync.mapping.value.ObjectImage;
import org.opensync.provisioner.cds.ConnectorDataStore;
import org.opensync.provisioner.cds.Deferred;
import org.opensync.provisioner.cds.DeferredWork;
import org.opensync.provisioner.cds.Link;

/**
 * Provisions one source object into the target: scope, match,
 * create or update with only what changed, group members after their users, and deprovisioning (disable when the
 * object leaves scope or is disabled, delete when it is deleted) — which {@link #provision} only stages, so that the
 * cycle can hold a mass deletion back; staging it cancels the object's pending retries, so nothing brings it
 * back. A target object deleted behind our back (drift) is matched or created again.
 */
@ApplicationScoped
public class ObjectProvisioner {
    private static final Logger LOG = Logger.getLogger(ObjectProvisioner.class);
    private static final int REFERENCES_LISTED = 5;
    /** The object's sealed source values do not open: sealed with a retired transport key, or tampered with. */
    static final String VALUES_UNREADABLE = "SealedValuesUnreadable";

    private final ConnectorDataStore links;
    private final DeferredWork deferred;
    private final ExportFailures failures;
    private final ReferenceExport references;
    private final MatchingClaims claims;
    private final UniqueValueTurns uniqueValueTurns;
    private final EvaluationEnvironment environment;
    /** Opens the source values a Redact mapping reads, which change-detector sealed on the topic. */
    private final SecretBox transport;

    @Inject
    public ObjectProvisioner(ConnectorDataStore links, DeferredWork deferred, ExportFailures failures,
                             ReferenceExport references, MatchingClaims claims, UniqueValueTurns uniqueValueTurns,
                             TenancyConfig tenancy, SecretsConfig secrets) {
        this.transport = secrets.transportBox();
        this.environment = EvaluationEnvironment.system().withDefaultDomain(tenancy.defaultDomain().orElse(null));
        this.links = links;
        this.deferred = deferred;
        this.failures = failures;
        this.references = references;
        this.claims = claims;
        this.uniqueValueTurns = uniqueValueTurns;
    }

    /** How far to trust what the connector data store says about the target. */
    public enum Baseline {
        /** The image last exported: incremental cycles, one target request per changed object at most. */
        LAST_EXPORTED,
        /** The object as the target has it now: full cycles repair whatever changed in the target meanwhile. */
        TARGET
    }

    /**
     * @param link    the object's current link, or null
     * @param pending the kinds of deferred work waiting for the object ({@link DeferredWork#pending})
     * @return what happened, or empty when the work was deferred to the end of the cycle
     */
    public Optional<Outcome> provision(JobContext job, ObjectChange.ObjectChanged change, Link link,
                                       Set<Deferred> pending, Baseline baseline) {
        return provision(job, change, link, pending, baseline, BatchLookups.NONE, WorkedBy.THIS_INSTANCE);
    }

    /**
     * Asks the target at once, a query per {@link ProvisioningTarget#MATCH_VALUES_PER_QUERY} values of a matching
     * attribute, which objects hold the matching values of the new in-scope objects of a batch, so that matching them
     * costs a few requests instead of one or more each. Objects whose values are not answered so (a target that
     * cannot answer exactly or refuses the query, the job's time for the batch spent) are matched one by one, as
     * without it: the answers only save requests, never change a match.
     *
     * @param unlinked objects of {@code objectType} the connector data store links to no target object
     * @param deadline no query is sent after it: a slow target keeps the batch no longer than its exports would
     */
    public MatchAnswers matchAhead(JobContext job, String objectType,
                                   Collection<ObjectChange.ObjectChanged> unlinked, Instant deadline) {
        Optional<ObjectPlan> plan = job.plan(objectType);
        if (plan.isEmpty() || unlinked.size() < 2) {
            return MatchAnswers.NONE;
        }
        // A value two objects of the batch share (case aside) is left to single matching: the second must find what
        // the first created, not an answer from before it
        Map<String, Map<String, List<String>>> valuesByAttribute = new LinkedHashMap<>();
        Map<ObjectChange.ObjectChanged, ObjectImage> sources = new IdentityHashMap<>();
        for (ObjectChange.ObjectChanged change : unlinked) {
            if (!change.deleted()) {
                matchingValues(job, plan.get(), change, sources).forEach(key -> valuesByAttribute
                        .computeIfAbsent(key.targetAttributeName(), attribute -> new LinkedHashMap<>())
                        .computeIfAbsent(key.value().text().toLowerCase(Locale.ROOT), folded -> new ArrayList<>())
                        .add(key.value().text()));
            }
        }
        Map<String, Map<String, List<TargetObject>>> answers = new HashMap<>();
        for (Map.Entry<String, Map<String, List<String>>> attribute : valuesByAttribute.entrySet()) {
            List<String> values = attribute.getValue().values().stream().filter(same -> same.size() == 1)
                    .map(same -> same.get(0)).toList();
            for (int from = 0; from < values.size() && Instant.now().isBefore(deadline);
                 from += ProvisioningTarget.MATCH_VALUES_PER_QUERY) {
                List<String> chunk = values.subList(from, Math.min(values.size(),
                        from + ProvisioningTarget.MATCH_VALUES_PER_QUERY));
                try {
                    job.target().findEach(plan.get().type(), attribute.getKey(), chunk, plan.get().mappedNames())
                            .ifPresent(found -> answers.computeIfAbsent(attribute.getKey(), name -> new HashMap<>())
                                    .putAll(found));
                } catch (TargetException e) {
                    // Nothing is lost: the objects not answered yet are matched one by one, and a failure that
                    // concerns them shows in their own logs
                    LOG.debugf("job %s: batched matching by %s refused (%s); matching one by one", job.jobId(),
                            attribute.getKey(), e.getMessage());
                    return new MatchAnswers(answers, sources);
                }
            }
        }
        return new MatchAnswers(answers, sources);
    }

    /**
     * The usable matching values of an in-scope object; none for anything else, including an object whose values
     * cannot be read or scoped: its own export reports that.
     *
     * @param sources where the object's opened values are kept for its export
     */
    private List<MatchingValue> matchingValues(JobContext job, ObjectPlan plan, ObjectChange.ObjectChanged change,
                                               Map<ObjectChange.ObjectChanged, ObjectImage> sources) {
        try {
            ObjectImage source = openSource(job, change);
            sources.put(change, source);
            ScopeDecision scope = plan.mapping().scope(source);
            if (scope.failed() || !scope.provisioned()) {
                return List.of();
            }
            return plan.mapping().matchingValues(source, environment).stream().filter(MatchingValue::usable)
                    .toList();
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    /**
     * @param ahead    what was read for the batch before its exports started ({@link #matchAhead},
     *                 {@link ReferenceExport#lookAhead})
     * @param workedBy whether other instances may work the job's objects meanwhile
     */
    public Optional<Outcome> provision(JobContext job, ObjectChange.ObjectChanged change, Link link,
                                       Set<Deferred> pending, Baseline baseline, BatchLookups ahead,
                                       WorkedBy workedBy) {
        Outcome outcome = new Outcome().step("EntryImport", "import", "success",
                "Received " + change.objectType() + " " + change.dn() + " from the source directory");
        Optional<ObjectPlan> plan = job.plan(change.objectType());
        if (plan.isEmpty()) {
            return Optional.of(outcome.skipped("No enabled object mapping provisions " + change.objectType()));
        }
        try {
            Optional<Outcome> result = provision(job, plan.get(), change, link, pending, baseline, ahead,
                    workedBy, outcome);
            if (pending.contains(Deferred.ESCROW) && result.filter(done -> !done.failed()).isPresent()) {
                deferred.done(job.jobId(), Deferred.ESCROW, change.anchor());
            }
            return result;
        } catch (TargetException e) {
            return Optional.of(failures.exportFailed(job, change, outcome, e));
        }
    }

    private Optional<Outcome> provision(JobContext job, ObjectPlan plan, ObjectChange.ObjectChanged change,
                                        Link link, Set<Deferred> pending, Baseline baseline, BatchLookups ahead,
                                        WorkedBy workedBy, Outcome outcome) {
        if (change.deleted()) {
            return stageDeprovisioning(job, change, link, outcome, "deleted in the source");
        }
        ObjectImage source;
        try {
            source = ahead.matches().source(change).orElseGet(() -> openSource(job, change));
        } catch (SecretUnavailableException e) {
            return Optional.of(outcome.failed(VALUES_UNREADABLE, "A value a Redact mapping reads cannot be opened ("
                    + e.getMessage() + "); it is read again from the source at the next full cycle.",
                    Outcome.FailureClass.PERMANENT));
        }
        ScopeDecision scope = plan.mapping().scope(source);
        if (scope.failed()) {
            return Optional.of(outcome.failed("ScopingFailed", scope.error(), Outcome.FailureClass.MAPPING));
        }
        boolean disabledInSource = "True".equalsIgnoreCase(first(change.attributes().get("IsSoftDeleted")));
        if (!scope.provisioned() || disabledInSource) {
            outcome.step("EntrySynchronizationScoping", "scoping", "skipped", disabledInSource
                    ? "The object is disabled in the source"
                    : "The object does not pass the scoping filter (" + scope.whyNot() + ")");
            if (!disabledInSource && job.skipOutOfScopeDeletions() && link != null) {
                deferred.cancelRetries(job.jobId(), change.anchor());
                return Optional.of(outcome.target(link.targetId()).skipped("The object is out of scope and "
                        + "SkipOutOfScopeDeletions is set: it is left as it is in the target"));
            }
            return stageDeprovisioning(job, change, link, outcome,
                    disabledInSource ? "disabled in the source" : "out of scope");
        }
        outcome.step("EntrySynchronizationScoping", "scoping", "success", "The object is in scope");
        if (pending.contains(Deferred.DEPROVISION)) {
            deferred.done(job.jobId(), Deferred.DEPROVISION, change.anchor());
        }
        Export export = new Export(job, plan, change, source, pending, ahead, workedBy, outcome);
        return Optional.of(link == null ? export.matchOrCreate() : export.update(link, baseline, true));
    }

    /** @throws SecretUnavailableException when a sealed value does not open */
    private ObjectImage openSource(JobContext job, ObjectChange.ObjectChanged change) {
        return ObjectImage.fromLdap(SealedValues.open(transport, job.jobId(), change.attributes()));
    }

    private Optional<Outcome> stageDeprovisioning(JobContext job, ObjectChange.ObjectChanged change, Link link,
                                                  Outcome outcome, String why) {
        if (link == null) {
            deferred.cancelRetries(job.jobId(), change.anchor());
            return Optional.of(outcome.skipped("The object is " + why + " and not provisioned"));
        }
        if (link.disabled() && !change.deleted()) {
            deferred.cancelRetries(job.jobId(), change.anchor());
            return Optional.of(outcome.target(link.targetId()).skipped("The object is " + why
                    + " and already disabled"));
        }
        deferred.stageDeprovisioning(job.jobId(), change);
        return Optional.empty();
    }

    /** One in-scope object's way into the target. */
    private final class Export {
        private final JobContext job;
        private final ObjectPlan plan;
        private final ObjectChange.ObjectChanged change;
        private final ObjectImage source;
        private final Set<Deferred> pending;
        private final Outcome outcome;
        private final Redaction redaction;
        private final BatchLookups ahead;
        private final WorkedBy workedBy;

        Export(JobContext job, ObjectPlan plan, ObjectChange.ObjectChanged change, ObjectImage source,
               Set<Deferred> pending, BatchLookups ahead, WorkedBy workedBy, Outcome outcome) {
            this.ahead = ahead;
            this.workedBy = workedBy;
            this.job = job;
            this.plan = plan;
            this.change = change;
            this.source = source;
            this.pending = pending;
            this.redaction = new Redaction(plan.redacted(), job.jobId() + "/" + change.anchor());
            this.outcome = outcome.redacting(redaction);
        }

        /**
         * A target object already linked to another source object is not taken over, nor is a matching value that
         * another object of the job is being matched or created with: the sources collide.
         */
        Outcome matchOrCreate() {
            List<MatchingValue> keys = plan.mapping().matchingValues(source, environment).stream()
                    .filter(MatchingValue::usable).toList();
            Optional<MatchingClaims.Collision> collision = claims.claim(job.jobId(), change.cycleId(),
                    change.objectType(), change.anchor(), keys, workedBy);
            if (collision.isPresent()) {
                MatchingClaims.Collision other = collision.get();
                return failures.duplicateSource(job, change, outcome, other.anchor(), "matching value "
                        + other.attribute() + " = " + redaction.shown(other.attribute(), other.value())
                        + " (both provisioned at the same time)");
            }
            Outcome result = null;
            try {
                result = matchedOrCreated(keys);
                return result;
            } finally {
                claims.release(job.jobId(), change.objectType(), change.anchor(), keys, workedBy,
                        result != null && !result.failed());
            }
        }

        private Outcome matchedOrCreated(List<MatchingValue> keys) {
            Optional<Link> matched = match(keys);
            if (matched.isEmpty()) {
                return create();
            }
            String targetId = matched.get().targetId();
            Optional<String> linked = links.anchorLinkedTo(job.jobId(), change.objectType(), targetId,
                    change.anchor());
            if (linked.isPresent()) {
                return failures.duplicateSource(job, change, outcome, linked.get(), "target object " + targetId);
            }
            return update(matched.get(), Baseline.LAST_EXPORTED, false);
        }

        /** Matching attributes in priority order; the first that finds an object decides. */
        private Optional<Link> match(List<MatchingValue> keys) {
            for (MatchingValue key : keys) {
                Optional<TargetObject> found = find(key);
                if (found.isPresent()) {
                    outcome.step("EntryMatch", "matching", "success", "Matched by " + key.targetAttributeName()
                            + " = " + redaction.shown(key.targetAttributeName(), key.value().text()));
                    return Optional.of(new Link(change.anchor(), change.objectType(), change.dn(), found.get().id(),
                            false, readBack(found.get())));
                }
            }
            outcome.step("EntryMatch", "matching", "success", keys.isEmpty() ? "No matching attribute has a value"
                    : "No target object matches " + keys.get(0).targetAttributeName());
            return Optional.empty();
        }

        /**
         * The one target object holding the value: answered ahead when the batch asked, else (and for several
         * holders, which the target's own answer reports as DuplicateTargetEntries) asked of the target now.
         */
        private Optional<TargetObject> find(MatchingValue key) {
            Optional<List<TargetObject>> answered = ahead.matches().holders(key.targetAttributeName(), key.value().text());
            if (answered.isPresent() && answered.get().size() <= 1) {
                return answered.get().stream().findFirst();
            }
            return job.target().findUnique(plan.type(), key.targetAttributeName(), key.value().text(),
                    plan.mappedNames());
        }

        private Outcome create() {
            if (!plan.allows(ObjectFlowType.Add)) {
                return outcome.skipped("Add is not enabled for this object mapping");
            }
            return plan.mapping().selectsUniqueValues()
                    ? uniqueValueTurns.inTurn(job.jobId(), workedBy, this::createNow) : createNow();
        }

        private Outcome createNow() {
            MappingResult result = plan.mapping().apply(source, null, Operation.CREATE, environment.withUniqueValues(
                    (attribute, candidate) -> job.target().valueTaken(plan.type(), attribute, candidate)));
            redaction.remember(result.changes());
            if (result.objectSkipped()) {
                return outcome.skipped("An expression returned IgnoreObjectFlow");
            }
            if (result.hasFailures()) {
                return failures.mappingFailed(job, change, outcome, result);
            }
            Map<String, Object> image = TargetImages.apply(Map.of(), result.changes(), plan);
            ReferenceExport.References resolved = resolve();
            image.putAll(resolved.single());
            outcome.action("create");
            String created = job.target().create(plan.type(), image);
            image.forEach((name, value) -> outcome.modified(name, null, value));
            outcome.exported(created);
            Link link = new Link(change.anchor(), change.objectType(), change.dn(), created, false, image);
            link = references.syncMembers(job, plan, link, resolved);
            links.save(job.jobId(), link.withExported(redaction.stored(link.exported()), false));
            finishReferences(resolved);
            return outcome.step("EntryExportAdd", "export", "success", "Created the object in the target");
        }

        /** @param repairDrift whether a target object found missing may be matched or created again */
        Outcome update(Link link, Baseline baseline, boolean repairDrift) {
            outcome.target(link.targetId());
            Map<String, Object> exported = withoutMembers(link.exported());
            if (baseline == Baseline.TARGET) {
                Optional<TargetObject> current = job.target().read(plan.type(), link.targetId(),
                        plan.mappedNames());
                if (current.isEmpty()) {
                    return recreate(link, "is not in the target any more");
                }
                exported = readBack(current.get());
                redaction.carryOver(link.exported(), exported);
            }
            MappingResult result = plan.mapping().apply(source, TargetImages.asObjectImage(exported),
                    Operation.UPDATE, environment);
            redaction.remember(result.changes());
            if (result.objectSkipped()) {
                return outcome.skipped("An expression returned IgnoreObjectFlow");
            }
            if (result.hasFailures()) {
                return failures.mappingFailed(job, change, outcome, result);
            }
            Map<String, Object> desired = TargetImages.apply(exported, result.changes(), plan);
            redaction.keepUnchanged(exported, desired);
            ReferenceExport.References resolved = resolve();
            desired.putAll(resolved.single());
            boolean changed = job.target().differs(exported, desired);
            PatchExport.Result patched = PatchExport.Result.unchanged(link.targetId(), desired);
            if (changed) {
                outcome.action("update");
                patched = PatchExport.export(job, plan, link.targetId(), exported, desired, outcome);
                if (patched.gone() != null) {
                    if (!repairDrift) {
                        throw patched.gone();
                    }
                    return recreate(link, "was deleted in the target (" + patched.gone().code() + ")");
                }
            }
            Link updated = link.withTargetId(patched.targetId())
                    .withExported(withMembers(patched.image(), link.exported()), false);
            Link synced = references.syncMembers(job, plan, updated, resolved);
            changed |= !synced.exported().equals(updated.exported());
            links.save(job.jobId(), new Link(change.anchor(), change.objectType(), change.dn(), synced.targetId(),
                    false, redaction.stored(synced.exported())));
            finishReferences(resolved);
            if (!patched.refused().isEmpty()) {
                return refused(synced, patched);
            }
            if (!changed) {
                return outcome.action("other").skipped("RedundantExport: the object already matches the source");
            }
            return outcome.target(synced.targetId()).exported(synced.targetId())
                    .step("EntryExportUpdate", "export", "success", "Updated the object in the target");
        }

        /** The linked target object is gone: forget the link, then match again or create the object anew. */
        private Outcome recreate(Link link, String why) {
            links.remove(job.jobId(), link.anchor());
            outcome.step("EntryExportUpdate", "export", "warning", "The target object " + link.targetId() + " " + why
                    + "; the link was dropped and the object is matched or created again");
            return matchOrCreate();
        }

        private Outcome refused(Link link, PatchExport.Result patched) {
            Map.Entry<String, TargetException> first = patched.refused().entrySet().iterator().next();
            TargetException e = first.getValue();
            String names = String.join(", ", patched.refused().keySet());
            if (!outcome.modifiedProperties().isEmpty()) {
                outcome.exported(link.targetId());
            }
            patched.refused().forEach((name, failure) -> outcome.step("EntryExportUpdate", "export", "failure",
                    "The target refused " + name + ": " + failure.getMessage(), Map.of("FailedAttribute", name)));
            return outcome.failedAttribute(first.getKey())
                    .details(e.details())
                    .failed(e.code(), "The target refused " + names + " (" + e.getMessage() + "); "
                            + (outcome.modifiedProperties().isEmpty() ? "nothing else changed."
                            : "the object's other changes were exported.")
                            + " Not retried until the object changes in the source.", Outcome.FailureClass.PERMANENT);
        }

        private ReferenceExport.References resolve() {
            ReferenceExport.References resolved = references.resolve(job, plan, change, ahead.references());
            if (!resolved.unresolved().isEmpty()) {
                List<String> listed = resolved.unresolved().stream().limit(REFERENCES_LISTED).toList();
                outcome.unresolved(List.copyOf(resolved.unresolved())).step("EntryReferenceResolution",
                        "referenceResolution", "warning", resolved.unresolved().size() + " referenced objects have "
                                + "no target object (yet): " + String.join("; ", listed)
                                + (resolved.unresolved().size() > REFERENCES_LISTED ? "; …" : ""));
            }
            return resolved;
        }

        /** An unresolved reference is retried at the end of the cycle, after the cycle's other objects (and escrows). */
        private void finishReferences(ReferenceExport.References resolved) {
            if (resolved.unresolved().isEmpty()) {
                if (pending.contains(Deferred.REFERENCE)) {
                    deferred.done(job.jobId(), Deferred.REFERENCE, change.anchor());
                }
            } else {
                deferred.deferReference(job.jobId(), change);
            }
        }

        private Map<String, Object> readBack(TargetObject object) {
            Map<String, Object> current = new LinkedHashMap<>(object.image());
            current.remove(ReferenceExport.MEMBERS);
            return current;
        }
    }

    private static Map<String, Object> withoutMembers(Map<String, Object> image) {
        Map<String, Object> copy = new LinkedHashMap<>(image);
        copy.remove(ReferenceExport.MEMBERS);
        return copy;
    }

    private static Map<String, Object> withMembers(Map<String, Object> image, Map<String, Object> previous) {
        Map<String, Object> copy = new LinkedHashMap<>(image);
        if (previous.containsKey(ReferenceExport.MEMBERS)) {
            copy.put(ReferenceExport.MEMBERS, previous.get(ReferenceExport.MEMBERS));
        }
        return copy;
    }

    private static String first(List<String> values) {
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}

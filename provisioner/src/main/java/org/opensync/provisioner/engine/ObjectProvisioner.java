package org.opensync.provisioner.engine;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.opensync.common.events.ObjectChange;
import org.opensync.connectors.scim.PatchRequest;
import org.opensync.connectors.scim.ScimErrorCode;
import org.opensync.connectors.scim.ScimException;
import org.opensync.connectors.scim.ScimResource;
import org.opensync.connectors.scim.ScimResourceType;
import org.opensync.connectors.scim.TargetImageReader;
import org.opensync.mapping.apply.MappingResult;
import org.opensync.mapping.apply.MatchingValue;
import org.opensync.mapping.apply.Operation;
import org.opensync.mapping.expression.EvaluationEnvironment;
import org.opensync.mapping.model.ObjectFlowType;
import org.opensync.mapping.scoping.ScopeDecision;
import org.opensync.mapping.value.ObjectImage;
import org.opensync.provisioner.ProvisionerConfig;
import org.opensync.provisioner.cds.ConnectorDataStore;
import org.opensync.provisioner.cds.Deferred;
import org.opensync.provisioner.cds.DeferredWork;
import org.opensync.provisioner.cds.Link;

/**
 * Provisions one source object into the target (provisioning-behavior.md §1.2–1.3, §1.10, §5.2): scope, match,
 * create or update with only what changed, group members after their users, and deprovisioning (disable when the
 * object leaves scope or is disabled, delete when it is deleted) — which {@link #provision} only stages, so that the
 * cycle can hold a mass deletion back (§1.13). Export failures are escrowed and retried with back-off.
 */
@ApplicationScoped
public class ObjectProvisioner {
    private static final String MEMBERS = "members";

    private final ConnectorDataStore links;
    private final DeferredWork deferred;
    private final ProvisionerConfig config;
    private final EvaluationEnvironment environment = EvaluationEnvironment.system();

    @Inject
    public ObjectProvisioner(ConnectorDataStore links, DeferredWork deferred, ProvisionerConfig config) {
        this.links = links;
        this.deferred = deferred;
        this.config = config;
    }

    /**
     * @param link    the object's current link, or null
     * @param pending the kinds of deferred work waiting for the object ({@link DeferredWork#pending})
     * @return what happened, or empty when the work was deferred to the end of the cycle
     */
    public Optional<Outcome> provision(JobContext job, ObjectChange.ObjectChanged change, Link link,
                                       Set<Deferred> pending) {
        Outcome outcome = new Outcome().step("EntryImport", "import", "success",
                "Received " + change.objectType() + " " + change.dn() + " from the source directory");
        Optional<ObjectPlan> plan = job.plan(change.objectType());
        if (plan.isEmpty()) {
            return Optional.of(outcome.skipped("No enabled object mapping provisions " + change.objectType()));
        }
        try {
            Optional<Outcome> result = provision(job, plan.get(), change, link, pending, outcome);
            if (pending.contains(Deferred.ESCROW) && result.filter(done -> !done.failed()).isPresent()) {
                deferred.done(job.jobId(), Deferred.ESCROW, change.anchor());
            }
            return result;
        } catch (ScimException e) {
            return Optional.of(escrow(job, change, outcome, e));
        }
    }

    /** Executes a staged disable or delete, at the end of the cycle. */
    public Outcome deprovision(JobContext job, ObjectChange.ObjectChanged change, Link link) {
        Outcome outcome = new Outcome().step("EntryImport", "import", "success",
                "Received " + change.objectType() + " " + (change.deleted() ? "deletion" : change.dn()));
        Optional<ObjectPlan> plan = job.plan(change.objectType());
        if (plan.isEmpty() || link == null) {
            return outcome.skipped("The object is not provisioned");
        }
        try {
            if (!change.deleted() && plan.get().resourceType() == ScimResourceType.USER) {
                return disable(job, plan.get(), link, outcome);
            }
            if (!plan.get().allows(ObjectFlowType.Delete)) {
                links.remove(job.jobId(), link.anchor());
                return outcome.target(link.targetId()).skipped("Delete is not enabled for this object mapping");
            }
            job.scim().delete(plan.get().resourceType(), link.targetId());
            links.remove(job.jobId(), link.anchor());
            return outcome.action("delete").exported(link.targetId())
                    .step("EntryExportDelete", "export", "success", "Deleted the object in the target");
        } catch (ScimException e) {
            return escrow(job, change, outcome, e);
        }
    }

    private Optional<Outcome> provision(JobContext job, ObjectPlan plan, ObjectChange.ObjectChanged change,
                                        Link link, Set<Deferred> pending, Outcome outcome) {
        if (change.deleted()) {
            return stageDeprovisioning(job, change, link, outcome, "deleted in the source");
        }
        ObjectImage source = ObjectImage.fromLdap(change.attributes());
        ScopeDecision scope = plan.mapping().scope(source);
        if (scope.failed()) {
            return Optional.of(outcome.failed("ScopingFailed", scope.error(), false));
        }
        boolean disabledInSource = "True".equalsIgnoreCase(first(change.attributes().get("IsSoftDeleted")));
        if (!scope.provisioned() || disabledInSource) {
            outcome.step("EntrySynchronizationScoping", "scoping", "skipped", disabledInSource
                    ? "The object is disabled in the source" : "The object does not pass the scoping filter");
            if (!disabledInSource && job.skipOutOfScopeDeletions() && link != null) {
                return Optional.of(outcome.target(link.targetId()).skipped("SkipOutOfScopeDeletions is set"));
            }
            return stageDeprovisioning(job, change, link, outcome,
                    disabledInSource ? "disabled in the source" : "out of scope");
        }
        outcome.step("EntrySynchronizationScoping", "scoping", "success", "The object is in scope");
        if (pending.contains(Deferred.DEPROVISION)) {
            deferred.done(job.jobId(), Deferred.DEPROVISION, change.anchor());
        }
        if (link == null) {
            Optional<Link> matched = match(job, plan, change, source, outcome);
            if (matched.isEmpty()) {
                return Optional.of(create(job, plan, change, source, pending, outcome));
            }
            link = matched.get();
        }
        return Optional.of(update(job, plan, change, source, link, pending, outcome));
    }

    /** Matching attributes in priority order; the first that finds an object decides (§2.5). */
    private Optional<Link> match(JobContext job, ObjectPlan plan, ObjectChange.ObjectChanged change, ObjectImage source,
                                 Outcome outcome) {
        List<MatchingValue> keys = plan.mapping().matchingValues(source, environment).stream()
                .filter(MatchingValue::usable).toList();
        for (MatchingValue key : keys) {
            Optional<ScimResource> found = job.scim().findUnique(plan.resourceType(), key.targetAttributeName(),
                    key.value().text());
            if (found.isPresent()) {
                outcome.step("EntryMatch", "matching", "success", "Matched by " + key.targetAttributeName() + " = "
                        + key.value().text());
                Map<String, Object> current = new LinkedHashMap<>(TargetImageReader.read(found.get().json(),
                        plan.mappedNames()));
                current.remove(MEMBERS);
                return Optional.of(new Link(change.anchor(), change.objectType(), change.dn(), found.get().id(), false,
                        current));
            }
        }
        outcome.step("EntryMatch", "matching", "success", keys.isEmpty() ? "No matching attribute has a value"
                : "No target object matches " + keys.get(0).targetAttributeName());
        return Optional.empty();
    }

    private Outcome create(JobContext job, ObjectPlan plan, ObjectChange.ObjectChanged change, ObjectImage source,
                           Set<Deferred> pending, Outcome outcome) {
        if (!plan.allows(ObjectFlowType.Add)) {
            return outcome.skipped("Add is not enabled for this object mapping");
        }
        MappingResult result = plan.mapping().apply(source, null, Operation.CREATE, environment);
        if (result.objectSkipped()) {
            return outcome.skipped("An expression returned IgnoreObjectFlow");
        }
        if (result.hasFailures()) {
            return mappingFailed(job, change, outcome, result);
        }
        Map<String, Object> image = TargetImages.apply(Map.of(), result.changes(), plan);
        References references = resolve(job, plan, change);
        image.putAll(references.single());
        ScimResource created = job.scim().create(plan.resourceType(), image);
        image.forEach((name, value) -> outcome.modified(name, null, value));
        Link link = new Link(change.anchor(), change.objectType(), change.dn(), created.id(), false, image);
        link = syncMembers(job, plan, link, references);
        links.save(job.jobId(), link);
        finishReferences(job, change, references, pending);
        return outcome.action("create").exported(created.id())
                .step("EntryExportAdd", "export", "success", "Created the object in the target");
    }

    private Outcome update(JobContext job, ObjectPlan plan, ObjectChange.ObjectChanged change, ObjectImage source,
                           Link link, Set<Deferred> pending, Outcome outcome) {
        Map<String, Object> exported = withoutMembers(link.exported());
        MappingResult result = plan.mapping().apply(source, TargetImages.asObjectImage(exported), Operation.UPDATE,
                environment);
        if (result.objectSkipped()) {
            return outcome.target(link.targetId()).skipped("An expression returned IgnoreObjectFlow");
        }
        if (result.hasFailures()) {
            return mappingFailed(job, change, outcome, result);
        }
        Map<String, Object> desired = TargetImages.apply(exported, result.changes(), plan);
        References references = resolve(job, plan, change);
        desired.putAll(references.single());
        PatchRequest patch = job.scim().patchBuilder().diff(exported, desired);
        boolean changed = !patch.isEmpty();
        if (changed) {
            job.scim().patch(plan.resourceType(), link.targetId(), patch);
            desired.forEach((name, value) -> {
                if (!value.equals(exported.get(name))) {
                    outcome.modified(name, exported.get(name), value);
                }
            });
        }
        Link updated = new Link(change.anchor(), change.objectType(), change.dn(), link.targetId(), false,
                withMembers(desired, link.exported()));
        Link synced = syncMembers(job, plan, updated, references);
        changed |= !synced.exported().equals(updated.exported());
        links.save(job.jobId(), synced);
        finishReferences(job, change, references, pending);
        if (!changed) {
            return outcome.target(link.targetId()).skipped("RedundantExport: the object already matches the source");
        }
        return outcome.action("update").exported(link.targetId())
                .step("EntryExportUpdate", "export", "success", "Updated the object in the target");
    }

    private Outcome disable(JobContext job, ObjectPlan plan, Link link, Outcome outcome) {
        Map<String, Object> exported = withoutMembers(link.exported());
        Map<String, Object> desired = new LinkedHashMap<>(exported);
        desired.put("active", Boolean.FALSE);
        job.scim().patch(plan.resourceType(), link.targetId(), job.scim().patchBuilder().diff(exported, desired));
        links.save(job.jobId(), link.withExported(withMembers(desired, link.exported()), true));
        return outcome.action("disable").exported(link.targetId()).modified("active", exported.get("active"), false)
                .step("EntryExportUpdate", "export", "success", "Disabled the object in the target (active = false)");
    }

    private Optional<Outcome> stageDeprovisioning(JobContext job, ObjectChange.ObjectChanged change, Link link,
                                                  Outcome outcome, String why) {
        if (link == null) {
            return Optional.of(outcome.skipped("The object is " + why + " and not provisioned"));
        }
        if (link.disabled() && !change.deleted()) {
            return Optional.of(outcome.target(link.targetId()).skipped("The object is " + why + " and already disabled"));
        }
        deferred.defer(job.jobId(), Deferred.DEPROVISION, change);
        return Optional.empty();
    }

    /** Group members and the manager are source DNs; they become target ids through the links. */
    private References resolve(JobContext job, ObjectPlan plan, ObjectChange.ObjectChanged change) {
        Map<String, Object> single = new LinkedHashMap<>();
        List<String> members = new ArrayList<>();
        Set<String> unresolved = new LinkedHashSet<>();
        boolean hasMembers = false;
        for (ObjectPlan.Reference reference : plan.references()) {
            List<String> dns = change.attributes().getOrDefault(reference.sourceAttribute(), List.of());
            Map<String, String> ids = links.targetIdsByDn(job.jobId(), dns);
            List<String> resolved = new ArrayList<>();
            for (String dn : dns) {
                String id = ids.get(dn.toLowerCase(Locale.ROOT));
                if (id == null) {
                    unresolved.add(dn);
                } else {
                    resolved.add(id);
                }
            }
            if (reference.multivalued()) {
                hasMembers = true;
                members.addAll(resolved);
            } else if (!resolved.isEmpty()) {
                single.put(reference.targetAttribute(), resolved.get(0));
            }
        }
        return new References(single, hasMembers ? members : null, unresolved);
    }

    private Link syncMembers(JobContext job, ObjectPlan plan, Link link, References references) {
        if (references.members() == null || plan.resourceType() != ScimResourceType.GROUP) {
            return link;
        }
        Set<String> current = memberIds(link.exported());
        Set<String> desired = new LinkedHashSet<>(references.members());
        List<String> add = desired.stream().filter(id -> !current.contains(id)).toList();
        List<String> remove = current.stream().filter(id -> !desired.contains(id)).toList();
        if (!add.isEmpty()) {
            job.scim().addMembers(link.targetId(), add);
        }
        if (!remove.isEmpty()) {
            job.scim().removeMembers(link.targetId(), remove);
        }
        Map<String, Object> exported = new LinkedHashMap<>(link.exported());
        exported.put(MEMBERS, new ArrayList<>(desired));
        return link.withExported(exported, link.disabled());
    }

    /** An unresolved reference is retried once at the end of the cycle, after the cycle's other objects. */
    private void finishReferences(JobContext job, ObjectChange.ObjectChanged change, References references,
                                  Set<Deferred> pending) {
        if (references.unresolved().isEmpty()) {
            if (pending.contains(Deferred.REFERENCE)) {
                deferred.done(job.jobId(), Deferred.REFERENCE, change.anchor());
            }
        } else {
            deferred.defer(job.jobId(), Deferred.REFERENCE, change);
        }
    }

    private Outcome mappingFailed(JobContext job, ObjectChange.ObjectChanged change, Outcome outcome,
                                  MappingResult result) {
        String message = result.failures().stream().map(f -> f.targetAttributeName() + ": " + f.message())
                .collect(Collectors.joining("; "));
        String code = result.failures().get(0).code();
        escrowed(job, change, code, message);
        return outcome.failed(code, message, false)
                .step("EntrySynchronizationError", "processing", "failure", message);
    }

    private Outcome escrow(JobContext job, ObjectChange.ObjectChanged change, Outcome outcome, ScimException e) {
        if (e.errorCode() == ScimErrorCode.InvalidAnchor) {
            links.remove(job.jobId(), change.anchor());
        }
        int attempts = escrowed(job, change, e.errorCode().name(), e.getMessage());
        boolean systemic = e.credentialProblem() || (e.transientFailure() && e.status() == 0);
        return outcome.failed(e.errorCode().name(), e.getMessage() + (attempts > config.maxEscrowRetries()
                        ? " Given up after " + attempts + " attempts; the object is retried when it changes."
                        : " This operation was retried " + e.attempts() + " times; it is escrowed (attempt "
                        + attempts + ")."), systemic)
                .step("EntryExport", "export", "failure", e.getMessage());
    }

    private int escrowed(JobContext job, ObjectChange.ObjectChanged change, String code, String message) {
        int attempts = deferred.escrow(job.jobId(), change, code, message, config.escrowRetry());
        if (attempts > config.maxEscrowRetries()) {
            deferred.done(job.jobId(), Deferred.ESCROW, change.anchor());
        }
        return attempts;
    }

    private static Map<String, Object> withoutMembers(Map<String, Object> image) {
        Map<String, Object> copy = new LinkedHashMap<>(image);
        copy.remove(MEMBERS);
        return copy;
    }

    private static Map<String, Object> withMembers(Map<String, Object> image, Map<String, Object> previous) {
        Map<String, Object> copy = new LinkedHashMap<>(image);
        if (previous.containsKey(MEMBERS)) {
            copy.put(MEMBERS, previous.get(MEMBERS));
        }
        return copy;
    }

    private static Set<String> memberIds(Map<String, Object> image) {
        Set<String> ids = new LinkedHashSet<>();
        if (image.get(MEMBERS) instanceof List<?> list) {
            list.forEach(id -> ids.add(String.valueOf(id)));
        }
        return ids;
    }

    private static String first(List<String> values) {
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** Resolved reference values: single-valued ones by target attribute, the member ids, and what did not resolve. */
    private record References(Map<String, Object> single, List<String> members, Set<String> unresolved) {
    }
}

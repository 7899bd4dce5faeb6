package org.opensync.provisioner.engine;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import org.opensync.common.events.ObjectChange;
import org.opensync.connectors.target.TargetException;
import org.opensync.provisioner.cds.ConnectorDataStore;
import org.opensync.provisioner.cds.Link;

/**
 * Reference attributes (group members, manager): source DNs resolved to target ids (a directory's: DNs) through the
 * links, members exported with add/remove requests, and references to deleted objects removed from the groups and users that still
 * hold them, so that no target keeps pointing at an account that no longer exists.
 */
@ApplicationScoped
public class ReferenceExport {
    static final String MEMBERS = "members";

    private final ConnectorDataStore links;

    @Inject
    public ReferenceExport(ConnectorDataStore links) {
        this.links = links;
    }

    /** Resolved reference values: single-valued ones by target attribute, the member ids, and what did not resolve. */
    record References(Map<String, Object> single, List<String> members, Set<String> unresolved) {
    }

    /**
     * Reads in one query the target ids of the DNs the single-valued references of these objects name. A group's
     * members are left to its own export: a batch of large groups would hold every member's id at once.
     */
    public KnownReferences lookAhead(JobContext job, String objectType,
                                     Collection<ObjectChange.ObjectChanged> changes) {
        List<ObjectPlan.Reference> single = job.plan(objectType).map(plan -> plan.references().stream()
                .filter(reference -> !reference.multivalued()).toList()).orElse(List.of());
        if (single.isEmpty()) {
            return KnownReferences.NONE;
        }
        Set<String> dns = new LinkedHashSet<>();
        for (ObjectChange.ObjectChanged change : changes) {
            single.forEach(reference -> dns.addAll(change.attributes().getOrDefault(reference.sourceAttribute(),
                    List.of())));
        }
        return dns.size() < 2 ? KnownReferences.NONE : new KnownReferences(links.targetIdsByDn(job.jobId(), dns));
    }

    References resolve(JobContext job, ObjectPlan plan, ObjectChange.ObjectChanged change, KnownReferences known) {
        Map<String, Object> single = new LinkedHashMap<>();
        List<String> members = new ArrayList<>();
        Set<String> unresolved = new LinkedHashSet<>();
        boolean hasMembers = false;
        for (ObjectPlan.Reference reference : plan.references()) {
            List<String> dns = change.attributes().getOrDefault(reference.sourceAttribute(), List.of());
            Map<String, String> ids = targetIds(job, dns, known);
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

    /** By lower-cased DN; what the batch's look-ahead did not find is asked for now. */
    private Map<String, String> targetIds(JobContext job, List<String> dns, KnownReferences known) {
        Map<String, String> ids = new HashMap<>();
        List<String> unknown = new ArrayList<>();
        for (String dn : dns) {
            String folded = dn.toLowerCase(Locale.ROOT);
            String id = known.targetIdOf(folded);
            if (id == null) {
                unknown.add(dn);
            } else {
                ids.put(folded, id);
            }
        }
        ids.putAll(links.targetIdsByDn(job.jobId(), unknown));
        return ids;
    }

    /** Brings the group's members in the target to the resolved ones; returns the link with the members exported. */
    Link syncMembers(JobContext job, ObjectPlan plan, Link link, References references) {
        if (references.members() == null || !plan.type().group()) {
            return link;
        }
        Set<String> current = memberIds(link.exported());
        Set<String> desired = new LinkedHashSet<>(references.members());
        List<String> add = desired.stream().filter(id -> !current.contains(id)).toList();
        List<String> remove = current.stream().filter(id -> !desired.contains(id)).toList();
        if (!add.isEmpty()) {
            job.target().addMembers(plan.type(), link.targetId(), add);
        }
        if (!remove.isEmpty()) {
            job.target().removeMembers(plan.type(), link.targetId(), remove);
        }
        Map<String, Object> exported = new LinkedHashMap<>(link.exported());
        exported.put(MEMBERS, new ArrayList<>(desired));
        return link.withExported(exported, link.disabled());
    }

    /**
     * Removes these deleted target ids from every linked object of the job that still refers to them (members,
     * manager). {@code done} gets each object changed, with the outcome to log; an object whose update fails keeps
     * its exported image, so its next export retries the removal.
     */
    public void dropReferencesTo(JobContext job, Collection<String> deletedIds, BiConsumer<Link, Outcome> done) {
        Set<String> attributes = new LinkedHashSet<>();
        job.plans().values().forEach(plan -> plan.references().forEach(r -> attributes.add(r.targetAttribute())));
        Set<String> deleted = Set.copyOf(deletedIds);
        for (Link link : links.referencing(job.jobId(), attributes, deleted)) {
            ObjectPlan plan = job.plan(link.objectType()).orElse(null);
            if (plan == null) {
                continue;
            }
            Outcome outcome = new Outcome().action("update").target(link.targetId());
            try {
                Link cleaned = drop(job, plan, link, deleted, outcome);
                links.save(job.jobId(), cleaned);
                done.accept(cleaned, outcome.exported(link.targetId()).step("EntryExportUpdate", "export", "success",
                        "Removed references to objects deleted in this cycle"));
            } catch (TargetException e) {
                done.accept(link, outcome.failed(e.code(), "Could not remove references to deleted "
                        + "objects: " + e.getMessage(), Outcome.FailureClass.TRANSIENT));
            }
        }
    }

    private static Link drop(JobContext job, ObjectPlan plan, Link link, Set<String> deleted, Outcome outcome) {
        Map<String, Object> exported = new LinkedHashMap<>(link.exported());
        for (ObjectPlan.Reference reference : plan.references()) {
            Object value = exported.get(reference.targetAttribute());
            if (reference.multivalued() && value instanceof List<?> ids) {
                List<String> gone = ids.stream().map(String::valueOf).filter(deleted::contains).toList();
                if (!gone.isEmpty() && plan.type().group()) {
                    job.target().removeMembers(plan.type(), link.targetId(), gone);
                    List<String> kept = ids.stream().map(String::valueOf).filter(id -> !deleted.contains(id))
                            .toList();
                    exported.put(reference.targetAttribute(), kept);
                    outcome.modified(reference.targetAttribute(), gone.size() + " deleted members", null);
                }
            } else if (value != null && deleted.contains(String.valueOf(value))) {
                job.target().clear(plan.type(), link.targetId(), reference.targetAttribute(), value);
                exported.remove(reference.targetAttribute());
                outcome.modified(reference.targetAttribute(), value, null);
            }
        }
        return link.withExported(exported, link.disabled());
    }

    static Set<String> memberIds(Map<String, Object> image) {
        Set<String> ids = new LinkedHashSet<>();
        if (image.get(MEMBERS) instanceof List<?> list) {
            list.forEach(id -> ids.add(String.valueOf(id)));
        }
        return ids;
    }
}

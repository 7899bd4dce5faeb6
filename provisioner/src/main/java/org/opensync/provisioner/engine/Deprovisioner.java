package org.opensync.provisioner.engine;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.opensync.common.events.ObjectChange;
import org.opensync.connectors.target.TargetException;
import org.opensync.mapping.model.ObjectFlowType;
import org.opensync.provisioner.cds.ConnectorDataStore;
import org.opensync.provisioner.cds.Link;

/**
 * Executes a staged disable (the object left scope or was disabled in the source: {@code active = false}) or delete
 * (it was deleted in the source), at the end of the cycle. An object already gone from the target counts as done.
 */
@ApplicationScoped
public class Deprovisioner {
    private final ConnectorDataStore links;
    private final ExportFailures failures;

    @Inject
    public Deprovisioner(ConnectorDataStore links, ExportFailures failures) {
        this.links = links;
        this.failures = failures;
    }

    public Outcome deprovision(JobContext job, ObjectChange.ObjectChanged change, Link link) {
        Outcome outcome = new Outcome().step("EntryImport", "import", "success",
                "Received " + change.objectType() + " " + (change.deleted() ? "deletion" : change.dn()));
        Optional<ObjectPlan> plan = job.plan(change.objectType());
        if (plan.isEmpty() || link == null) {
            return outcome.skipped("The object is not provisioned");
        }
        outcome.target(link.targetId());
        try {
            if (!change.deleted() && !plan.get().type().group()) {
                return disable(job, plan.get(), link, outcome);
            }
            if (!plan.get().allows(ObjectFlowType.Delete)) {
                links.remove(job.jobId(), link.anchor());
                return outcome.skipped("Delete is not enabled for this object mapping");
            }
            outcome.action("delete");
            job.target().delete(plan.get().type(), link.targetId());
            links.remove(job.jobId(), link.anchor());
            return outcome.exported(link.targetId())
                    .step("EntryExportDelete", "export", "success", "Deleted the object in the target");
        } catch (TargetException e) {
            if (ExportFailures.targetObjectGone(job, plan.get(), link.targetId(), e)) {
                links.remove(job.jobId(), link.anchor());
                return outcome.skipped("The target object no longer exists; nothing left to deprovision");
            }
            return failures.exportFailed(job, change, outcome, e);
        }
    }

    private Outcome disable(JobContext job, ObjectPlan plan, Link link, Outcome outcome) {
        Map<String, Object> exported = new LinkedHashMap<>(link.exported());
        exported.remove(ReferenceExport.MEMBERS);
        Map<String, Object> desired = new LinkedHashMap<>(exported);
        desired.put("active", Boolean.FALSE);
        outcome.action("disable");
        String targetId = job.target().update(plan.type(), link.targetId(), exported, desired);
        Map<String, Object> image = new LinkedHashMap<>(link.exported());
        image.put("active", Boolean.FALSE);
        links.save(job.jobId(), link.withTargetId(targetId).withExported(image, true));
        return outcome.exported(targetId).modified("active", exported.get("active"), false)
                .step("EntryExportUpdate", "export", "success", "Disabled the object in the target (active = false)");
    }
}

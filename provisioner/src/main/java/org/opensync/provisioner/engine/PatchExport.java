package org.opensync.provisioner.engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.opensync.connectors.scim.PatchRequest;
import org.opensync.connectors.scim.ScimException;

/**
 * Sends an update as one PATCH and, when the target refuses it, attribute by attribute: one value a target cannot
 * take (a manager in the wrong form, say) must not hold back the user's other changes. A vanished target object is
 * reported in the result, for the caller to repair; other failures (throttling, outages) are thrown, to be escrowed.
 */
final class PatchExport {
    /**
     * @param image   the target's attributes after the export: the changes that went through applied
     * @param refused attributes the target refused, with its answer
     * @param gone    the answer that showed the target object no longer exists, or null
     */
    record Result(Map<String, Object> image, Map<String, ScimException> refused, ScimException gone) {
        static Result unchanged(Map<String, Object> image) {
            return new Result(image, Map.of(), null);
        }
    }

    private PatchExport() {
    }

    /** @param whole the PATCH from {@code exported} to {@code desired}, not empty */
    static Result export(JobContext job, ObjectPlan plan, String targetId, Map<String, Object> exported,
                         Map<String, Object> desired, PatchRequest whole, Outcome outcome) {
        try {
            job.scim().patch(plan.resourceType(), targetId, whole);
            modified(exported, desired, outcome);
            return Result.unchanged(desired);
        } catch (ScimException e) {
            if (ExportFailures.targetObjectGone(job, plan.resourceType(), targetId, e)) {
                return new Result(exported, Map.of(), e);
            }
            if (!ExportFailures.refusal(e)) {
                throw e;
            }
            List<String> changed = desired.keySet().stream().filter(name -> !job.scim().patchBuilder()
                    .diff(exported, Map.of(name, desired.get(name))).isEmpty()).toList();
            if (changed.size() == 1) {
                return new Result(new LinkedHashMap<>(exported), Map.of(changed.get(0), e), null);
            }
            outcome.step("EntryExportUpdate", "export", "warning", "The target refused the update ("
                    + e.errorCode() + "); sending each attribute on its own to find the refused one");
            return oneByOne(job, plan, targetId, exported, desired, outcome);
        }
    }

    private static Result oneByOne(JobContext job, ObjectPlan plan, String targetId, Map<String, Object> exported,
                                   Map<String, Object> desired, Outcome outcome) {
        Map<String, Object> image = new LinkedHashMap<>(exported);
        Map<String, ScimException> refused = new LinkedHashMap<>();
        for (Map.Entry<String, Object> entry : desired.entrySet()) {
            PatchRequest single = job.scim().patchBuilder().diff(exported, Map.of(entry.getKey(), entry.getValue()));
            if (single.isEmpty()) {
                continue;
            }
            try {
                job.scim().patch(plan.resourceType(), targetId, single);
                image.put(entry.getKey(), entry.getValue());
                outcome.modified(entry.getKey(), exported.get(entry.getKey()), entry.getValue());
            } catch (ScimException e) {
                if (!ExportFailures.refusal(e)) {
                    throw e;
                }
                refused.put(entry.getKey(), e);
            }
        }
        return new Result(image, refused, null);
    }

    private static void modified(Map<String, Object> exported, Map<String, Object> desired, Outcome outcome) {
        desired.forEach((name, value) -> {
            if (!value.equals(exported.get(name))) {
                outcome.modified(name, exported.get(name), value);
            }
        });
    }
}

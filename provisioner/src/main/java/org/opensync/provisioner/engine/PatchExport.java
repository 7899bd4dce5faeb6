package org.opensync.provisioner.engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.opensync.connectors.target.TargetException;

/**
 * Sends an update as one request and, when the target refuses it, attribute by attribute: one value a target cannot
 * take (a manager in the wrong form, say) must not hold back the user's other changes. A vanished target object is
 * reported in the result, for the caller to repair; other failures (throttling, outages) are thrown, to be escrowed.
 */
final class PatchExport {
    /**
     * @param image   the target's attributes after the export: the changes that went through applied
     * @param refused attributes the target refused, with its answer
     * @param gone    the answer that showed the target object no longer exists, or null
     */
    record Result(String targetId, Map<String, Object> image, Map<String, TargetException> refused,
                  TargetException gone) {
        static Result unchanged(String targetId, Map<String, Object> image) {
            return new Result(targetId, image, Map.of(), null);
        }
    }

    private PatchExport() {
    }

    /** @param exported the image last exported; {@code desired} differs from it */
    static Result export(JobContext job, ObjectPlan plan, String targetId, Map<String, Object> exported,
                         Map<String, Object> desired, Outcome outcome) {
        try {
            String updated = job.target().update(plan.type(), targetId, exported, desired);
            modified(exported, desired, outcome);
            return Result.unchanged(updated, desired);
        } catch (TargetException e) {
            if (ExportFailures.targetObjectGone(job, plan, targetId, e)) {
                return new Result(targetId, exported, Map.of(), e);
            }
            if (!e.refusal()) {
                throw e;
            }
            List<String> changed = desired.keySet().stream().filter(name -> job.target()
                    .differs(exported, Map.of(name, desired.get(name)))).toList();
            if (changed.size() == 1) {
                return new Result(targetId, new LinkedHashMap<>(exported), Map.of(changed.get(0), e), null);
            }
            outcome.step("EntryExportUpdate", "export", "warning", "The target refused the update ("
                    + e.code() + "); sending each attribute on its own to find the refused one");
            return oneByOne(job, plan, targetId, exported, desired, outcome);
        }
    }

    private static Result oneByOne(JobContext job, ObjectPlan plan, String targetId, Map<String, Object> exported,
                                   Map<String, Object> desired, Outcome outcome) {
        Map<String, Object> image = new LinkedHashMap<>(exported);
        Map<String, TargetException> refused = new LinkedHashMap<>();
        String id = targetId;
        for (Map.Entry<String, Object> entry : desired.entrySet()) {
            Map<String, Object> single = Map.of(entry.getKey(), entry.getValue());
            if (!job.target().differs(image, single)) {
                continue;
            }
            try {
                id = job.target().update(plan.type(), id, image, single);
                image.put(entry.getKey(), entry.getValue());
                outcome.modified(entry.getKey(), exported.get(entry.getKey()), entry.getValue());
            } catch (TargetException e) {
                if (!e.refusal()) {
                    throw e;
                }
                refused.put(entry.getKey(), e);
            }
        }
        return new Result(id, image, refused, null);
    }

    private static void modified(Map<String, Object> exported, Map<String, Object> desired, Outcome outcome) {
        desired.forEach((name, value) -> {
            if (!value.equals(exported.get(name))) {
                outcome.modified(name, exported.get(name), value);
            }
        });
    }
}

package org.opensync.provisioner.ondemand;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.opensync.common.logs.ProvisioningObjectSummary;

/**
 * The answer of provisionOnDemand, Graph's {@code stringKeyStringValuePair}: {@code key} is a JSON document as a
 * string, {@code {"result":"Success|Skipped|Failure","details":{...}}}, and {@code value} the run of the subject as a
 * string (action, times, steps, status, identities, systems) in the PascalCase spellings the on-demand answer uses,
 * where provisioning logs use lower case. A group provisioned with members answers {@code "{}"} as its value and lists
 * every object's result in the key's details.
 */
public record OnDemandAnswer(String key, String value) {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String SUCCESS = "Success";
    static final String SKIPPED = "Skipped";
    static final String FAILURE = "Failure";

    /**
     * One object worked on demand: its provisioning-log record, and when each of its steps was taken (the record has
     * no step times; the answer shows them).
     */
    public record Worked(ProvisioningObjectSummary summary, List<Instant> stepTimes) {
        public Worked {
            stepTimes = List.copyOf(stepTimes);
        }
    }

    /** @param worked the objects worked, members first, the subject last */
    public static OnDemandAnswer of(List<Worked> worked) {
        List<ProvisioningObjectSummary> summaries = worked.stream().map(Worked::summary).toList();
        ProvisioningObjectSummary subject = summaries.get(summaries.size() - 1);
        ObjectNode key = JSON.createObjectNode();
        if (summaries.size() == 1) {
            key.put("result", result(subject));
            key.set("details", details(subject));
            return new OnDemandAnswer(text(key), text(run(worked.get(0))));
        }
        boolean failed = summaries.stream().anyMatch(summary -> FAILURE.equals(result(summary)));
        key.put("result", failed ? FAILURE : result(subject));
        ArrayNode objects = key.putObject("details").putArray("objects");
        summaries.forEach(summary -> objects.addObject()
                .put("objectId", summary.sourceIdentity().id())
                .put("objectTypeName", summary.sourceIdentity().identityType())
                .put("result", result(summary))
                .put("action", pascal(summary.provisioningAction()))
                .setAll(details(summary)));
        return new OnDemandAnswer(text(key), "{}");
    }

    static String result(ProvisioningObjectSummary summary) {
        return switch (summary.provisioningStatusInfo().status()) {
            case "failure" -> FAILURE;
            case "skipped" -> SKIPPED;
            default -> SUCCESS;
        };
    }

    /** Why an object was skipped or failed: a short code and the reason; empty for a success. */
    private static ObjectNode details(ProvisioningObjectSummary summary) {
        ObjectNode details = JSON.createObjectNode();
        ProvisioningObjectSummary.ErrorInfo error = summary.provisioningStatusInfo().errorInformation();
        String result = result(summary);
        if (error == null || SUCCESS.equals(result)) {
            return details;
        }
        details.put("errorCode", SKIPPED.equals(result) ? skipReason(summary) : error.errorCode());
        details.put("errorMessage", error.reason());
        return details;
    }

    /** The skip reasons Entra reports: the object already matches, or the scoping filters leave it out. */
    static String skipReason(ProvisioningObjectSummary summary) {
        String reason = summary.provisioningStatusInfo().errorInformation().reason();
        if (reason != null && reason.startsWith("RedundantExport")) {
            return "RedundantExport";
        }
        boolean outOfScope = summary.provisioningSteps().stream().anyMatch(step ->
                "scoping".equals(step.provisioningStepType()) && "skipped".equals(step.status()));
        return outOfScope ? "NotEffectivelyEntitled" : "Skipped";
    }

    private static ObjectNode run(Worked worked) {
        ProvisioningObjectSummary summary = worked.summary();
        Instant end = summary.activityDateTime();
        Instant start = end.minusMillis(summary.durationInMilliseconds());
        ObjectNode run = JSON.createObjectNode();
        run.put("action", pascal(summary.provisioningAction()));
        run.put("changeId", summary.changeId());
        run.put("startTime", start.toString());
        run.put("endTime", end.toString());
        run.put("reportableIdentifier", summary.sourceIdentity().displayName());
        ArrayNode modified = run.putArray("modifiedProperties");
        summary.modifiedProperties().forEach(property -> modified.addObject()
                .put("displayName", property.displayName())
                .put("oldValue", property.oldValue())
                .put("newValue", property.newValue()));
        ArrayNode steps = run.putArray("provisioningSteps");
        List<ProvisioningObjectSummary.Step> taken = summary.provisioningSteps();
        for (int i = 0; i < taken.size(); i++) {
            ProvisioningObjectSummary.Step step = taken.get(i);
            Instant time = i < worked.stepTimes().size() ? worked.stepTimes().get(i) : end;
            steps.addObject()
                    .put("name", step.name())
                    .put("type", pascal(step.provisioningStepType()))
                    .put("status", pascal(step.status()))
                    .put("description", step.description())
                    .put("timestamp", time.toString())
                    .set("details", map(step.details()));
        }
        ObjectNode status = run.putObject("statusInfo").put("status", result(summary));
        ProvisioningObjectSummary.ErrorInfo error = summary.provisioningStatusInfo().errorInformation();
        if (error != null) {
            status.put("errorCode", FAILURE.equals(result(summary)) ? error.errorCode() : skipReason(summary))
                    .put("reason", error.reason())
                    .put("additionalDetails", error.additionalDetails())
                    .put("errorCategory", error.errorCategory())
                    .put("recommendedAction", error.recommendedAction());
        }
        run.set("sourceIdentity", identity(summary.sourceIdentity()));
        run.set("targetIdentity", identity(summary.targetIdentity()));
        run.set("sourceSystem", system(summary.sourceSystem()));
        run.set("targetSystem", system(summary.targetSystem()));
        return run;
    }

    private static ObjectNode identity(ProvisioningObjectSummary.ProvisionedIdentity identity) {
        ObjectNode node = JSON.createObjectNode().put("id", identity.id()).put("type", identity.identityType())
                .put("displayName", identity.displayName());
        node.set("details", map(identity.details()));
        return node;
    }

    private static ObjectNode system(ProvisioningObjectSummary.SystemInfo system) {
        ObjectNode node = JSON.createObjectNode().put("id", system.id()).put("name", system.displayName());
        node.set("details", map(system.details()));
        return node;
    }

    private static ObjectNode map(Map<String, String> values) {
        ObjectNode node = JSON.createObjectNode();
        if (values != null) {
            values.forEach(node::put);
        }
        return node;
    }

    /** {@code create} → {@code Create}, {@code stagedDelete} → {@code StagedDelete}. */
    static String pascal(String value) {
        return value == null || value.isEmpty() ? value
                : value.substring(0, 1).toUpperCase(Locale.ROOT) + value.substring(1);
    }

    private static String text(ObjectNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain values always serialises", e);
        }
    }
}

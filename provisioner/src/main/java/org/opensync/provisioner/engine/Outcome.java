package org.opensync.provisioner.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.opensync.common.logs.ProvisioningObjectSummary;

/**
 * What happened to one object, in the words of a provisioning-log record: the action, the result, the steps that
 * led there and the properties that changed. {@code systemic} marks failures that concern the whole target
 * (credentials, unreachable endpoint) rather than this object.
 */
public final class Outcome {
    private final List<ProvisioningObjectSummary.Step> steps = new ArrayList<>();
    private final List<ProvisioningObjectSummary.ModifiedProperty> modified = new ArrayList<>();
    private String action = "other";
    private String status = "success";
    private String targetId;
    private String errorCode;
    private String reason;
    private boolean systemic;
    private boolean exported;

    /** A disable or delete held back by the deletion threshold (provisioning-behavior.md §1.13). */
    public static Outcome stagedDelete(String reason) {
        return new Outcome().action("stagedDelete").skipped(reason)
                .step("EntryExportSkip", "export", "skipped", reason);
    }

    Outcome step(String name, String type, String stepStatus, String description) {
        steps.add(new ProvisioningObjectSummary.Step(name, type, stepStatus, description, Map.of()));
        return this;
    }

    Outcome action(String value) {
        this.action = value;
        return this;
    }

    Outcome exported(String id) {
        this.targetId = id;
        this.exported = true;
        return this;
    }

    Outcome target(String id) {
        this.targetId = id;
        return this;
    }

    Outcome skipped(String why) {
        this.status = "skipped";
        this.reason = why;
        return this;
    }

    Outcome failed(String code, String why, boolean concernsTheTarget) {
        this.status = "failure";
        this.errorCode = code;
        this.reason = why;
        this.systemic = concernsTheTarget;
        return this;
    }

    Outcome modified(String name, Object oldValue, Object newValue) {
        modified.add(new ProvisioningObjectSummary.ModifiedProperty(name, text(oldValue), text(newValue)));
        return this;
    }

    public List<ProvisioningObjectSummary.Step> steps() {
        return steps;
    }

    public List<ProvisioningObjectSummary.ModifiedProperty> modifiedProperties() {
        return modified;
    }

    public String action() {
        return action;
    }

    public String status() {
        return status;
    }

    public String targetId() {
        return targetId;
    }

    public String errorCode() {
        return errorCode;
    }

    public String reason() {
        return reason;
    }

    public boolean systemic() {
        return systemic;
    }

    /** Whether something was written to the target. */
    public boolean wasExported() {
        return exported;
    }

    public boolean failed() {
        return "failure".equals(status);
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}

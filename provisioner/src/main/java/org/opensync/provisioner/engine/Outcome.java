package org.opensync.provisioner.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.opensync.common.logs.ProvisioningObjectSummary;

/**
 * What happened to one object, in the words of a provisioning-log record: the action, the result, the steps that
 * led there and the properties that changed. {@code systemic} marks failures that concern the whole target
 * (credentials, unreachable endpoint) rather than this object; {@link #failureClass()} says whether a failure is
 * retried.
 */
public final class Outcome {
    /** How a failure is followed up, which decides the log's recommended action. */
    public enum FailureClass {
        /** Retried at a later cycle (escrow). */
        TRANSIENT,
        /** The target refuses this object or value: not retried until the object changes in the source. */
        PERMANENT,
        /** Retried until the escrow gives up; now it was given up. */
        GIVEN_UP,
        /** An attribute mapping could not be evaluated. */
        MAPPING,
        /** The target refuses our credentials or cannot be reached at all. */
        TARGET,
        /** Another source object is linked to the target object this one matches: retried at a later cycle. */
        DUPLICATE_SOURCE
    }

    private final List<ProvisioningObjectSummary.Step> steps = new ArrayList<>();
    /** When each step was taken, in the order of {@link #steps}: provision-on-demand answers show each step's time. */
    private final List<Instant> stepTimes = new ArrayList<>();
    private final List<ProvisioningObjectSummary.ModifiedProperty> modified = new ArrayList<>();
    private final List<String> unresolvedReferences = new ArrayList<>();
    private String action = "other";
    private String status = "success";
    private String targetId;
    private String errorCode;
    private String reason;
    private String additionalDetails;
    private String failedAttribute;
    private FailureClass failureClass;
    private boolean systemic;
    private boolean exported;
    private boolean escrowed;
    private Redaction redaction = Redaction.NONE;

    /** A disable or delete held back by the deletion threshold. */
    public static Outcome stagedDelete(String reason) {
        return new Outcome().action("stagedDelete").skipped(reason)
                .step("EntryExportSkip", "export", "skipped", reason);
    }

    /**
     * An object left for later because its job's time budget ran out (a slow target).
     *
     * @param retried the escrow's retry count and date for the log's details, or null when it was given up
     */
    public static Outcome late(String reason, String retried) {
        Outcome outcome = new Outcome();
        if (retried != null) {
            outcome.escrowed().details(retried);
        }
        return outcome.failed("Timeout", reason, retried != null ? FailureClass.TRANSIENT : FailureClass.GIVEN_UP)
                .step("EntryExport", "export", "failure", reason);
    }

    /**
     * The object could not be read from the source (work on single objects, which reads the source itself).
     *
     * @param systemic the source directory as a whole failed, not this object
     */
    public static Outcome importFailed(String code, String reason, boolean systemic) {
        return new Outcome().failed(code, reason, systemic ? FailureClass.TARGET : FailureClass.PERMANENT)
                .step("EntryImport", "import", "failure", reason);
    }

    /** Secret attributes and values of this object, to keep out of what the log shows. */
    Outcome redacting(Redaction secrets) {
        this.redaction = secrets;
        return this;
    }

    Redaction redaction() {
        return redaction;
    }

    Outcome step(String name, String type, String stepStatus, String description) {
        return step(name, type, stepStatus, description, Map.of());
    }

    Outcome step(String name, String type, String stepStatus, String description, Map<String, String> details) {
        steps.add(new ProvisioningObjectSummary.Step(name, type, stepStatus, description, details));
        stepTimes.add(Instant.now());
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

    /** Done, but something the admin should know about was left out (e.g. a reference that did not resolve). */
    public Outcome warning(String why) {
        if (!failed()) {
            this.status = "warning";
            this.reason = reason == null ? why : reason + " " + why;
        }
        return this;
    }

    Outcome failed(String code, String why, FailureClass kind) {
        this.status = "failure";
        this.errorCode = code;
        this.reason = why;
        this.failureClass = kind;
        this.systemic = kind == FailureClass.TARGET;
        return this;
    }

    Outcome escrowed() {
        this.escrowed = true;
        return this;
    }

    Outcome details(String text) {
        this.additionalDetails = text;
        return this;
    }

    Outcome failedAttribute(String name) {
        this.failedAttribute = name;
        return this;
    }

    Outcome unresolved(List<String> references) {
        unresolvedReferences.addAll(references);
        return this;
    }

    Outcome modified(String name, Object oldValue, Object newValue) {
        modified.add(new ProvisioningObjectSummary.ModifiedProperty(name, redaction.shown(name, oldValue),
                redaction.shown(name, newValue)));
        return this;
    }

    public List<Instant> stepTimes() {
        return List.copyOf(stepTimes);
    }

    public List<ProvisioningObjectSummary.Step> steps() {
        return steps.stream().map(step -> new ProvisioningObjectSummary.Step(step.name(), step.provisioningStepType(),
                step.status(), redaction.scrub(step.description()), step.details())).toList();
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
        return redaction.scrub(reason);
    }

    /** The target's answer and the retry schedule, for the log's additionalDetails; may be null. */
    public String additionalDetails() {
        return redaction.scrub(additionalDetails);
    }

    /** The target attribute the target refused, when one was singled out; may be null. */
    public String failedAttribute() {
        return failedAttribute;
    }

    public FailureClass failureClass() {
        return failureClass;
    }

    /** Source DNs of members or managers that have no target object. */
    public List<String> unresolvedReferences() {
        return unresolvedReferences;
    }

    public boolean systemic() {
        return systemic;
    }

    /** Whether something was written to the target. */
    public boolean wasExported() {
        return exported;
    }

    /** Whether the object waits in escrow for a retry. */
    public boolean wasEscrowed() {
        return escrowed;
    }

    public boolean failed() {
        return "failure".equals(status);
    }
}

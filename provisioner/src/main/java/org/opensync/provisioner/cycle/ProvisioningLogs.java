package org.opensync.provisioner.cycle;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.opensync.common.events.ObjectChange;
import org.opensync.common.logs.ProvisioningObjectSummary;
import org.opensync.provisioner.engine.JobContext;
import org.opensync.provisioner.engine.Outcome;

/** Builds provisioning-log records (Graph's provisioningObjectSummary) from outcomes. */
public final class ProvisioningLogs {
    private static final ProvisioningObjectSummary.Initiator SERVICE =
            new ProvisioningObjectSummary.Initiator("", "OpenSync Provisioning Service", "system");

    private ProvisioningLogs() {
    }

    /**
     * @param phase distinguishes the records of one object within a cycle (first pass, escrow retry, deprovisioning),
     *              and makes the record id stable when a batch is processed again after a restart
     */
    static ProvisioningObjectSummary summary(String tenantId, JobContext job, String cycleId, String phase,
                                             ObjectChange.ObjectChanged change, Outcome outcome, Instant started) {
        return summary(tenantId, job, cycleId, phase, change, outcome, started, SERVICE);
    }

    /** @param initiatedBy who asked for the work: the service itself for cycles, the caller for work on demand */
    public static ProvisioningObjectSummary summary(String tenantId, JobContext job, String cycleId, String phase,
                                                    ObjectChange.ObjectChanged change, Outcome outcome,
                                                    Instant started, ProvisioningObjectSummary.Initiator initiatedBy) {
        String id = UUID.nameUUIDFromBytes((cycleId + "/" + phase + "/" + change.anchor())
                .getBytes(StandardCharsets.UTF_8)).toString();
        ProvisioningObjectSummary.ErrorInfo error = errorInformation(outcome);
        String status = outcome.status();
        return new ProvisioningObjectSummary(id, Instant.now(), tenantId, job.jobId(), cycleId, change.eventId(),
                outcome.action(), Duration.between(started, Instant.now()).toMillis(), initiatedBy,
                new ProvisioningObjectSummary.Identity(job.servicePrincipalId(), job.targetSystem()),
                new ProvisioningObjectSummary.SystemInfo(job.sourceSystem(), job.sourceSystem(), Map.of()),
                new ProvisioningObjectSummary.SystemInfo(job.servicePrincipalId(), job.targetSystem(),
                        Map.of("ServicePrincipalId", job.servicePrincipalId())),
                new ProvisioningObjectSummary.ProvisionedIdentity(change.anchor(), displayName(change),
                        change.objectType(), sourceDetails(change)),
                new ProvisioningObjectSummary.ProvisionedIdentity(outcome.targetId() == null ? "" : outcome.targetId(),
                        "", change.objectType(), outcome.failedAttribute() == null ? Map.of()
                        : Map.of("FailedAttribute", outcome.failedAttribute())),
                new ProvisioningObjectSummary.StatusInfo(status, error), outcome.steps(),
                outcome.modifiedProperties());
    }

    /**
     * Where the object came from: a directory entry's DN, or an uploaded record's {@code externalId} and the
     * {@code bulkId} of the BulkRequest operation that last sent it.
     */
    private static Map<String, String> sourceDetails(ObjectChange.ObjectChanged change) {
        List<String> bulkId = change.attributes().get(ObjectChange.ObjectChanged.BULK_ID);
        if (bulkId != null && !bulkId.isEmpty()) {
            return Map.of("externalId", change.anchor(), "bulkId", bulkId.get(0));
        }
        return change.dn() == null ? Map.of() : Map.of("DistinguishedName", change.dn());
    }

    private static String displayName(ObjectChange.ObjectChanged change) {
        for (String attribute : new String[]{"displayName", "cn", "mail", "uid"}) {
            List<String> values = change.attributes().get(attribute);
            if (values != null && !values.isEmpty()) {
                return values.get(0);
            }
        }
        return change.dn() == null ? change.anchor() : change.dn();
    }

    /** Why a failure, a skip or a warning happened, and what to do about it; null for a plain success. */
    private static ProvisioningObjectSummary.ErrorInfo errorInformation(Outcome outcome) {
        if (outcome.failed()) {
            return new ProvisioningObjectSummary.ErrorInfo(outcome.errorCode(),
                    outcome.systemic() ? "nonServiceFailure" : "failure", outcome.reason(),
                    outcome.additionalDetails() == null ? outcome.reason() : outcome.additionalDetails(),
                    Recommendations.forFailure(outcome));
        }
        if ("skipped".equals(outcome.status()) || "warning".equals(outcome.status())) {
            return new ProvisioningObjectSummary.ErrorInfo(null, "success", outcome.reason(), null,
                    "warning".equals(outcome.status()) ? Recommendations.forUnresolvedReferences() : null);
        }
        return null;
    }
}

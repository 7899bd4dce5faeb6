package org.opensync.provisioner.engine;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.stream.Collectors;
import org.opensync.common.events.ObjectChange;
import org.opensync.connectors.scim.ScimErrorCode;
import org.opensync.connectors.scim.ScimException;
import org.opensync.connectors.scim.ScimResourceType;
import org.opensync.mapping.apply.MappingResult;
import org.opensync.provisioner.ProvisionerConfig;
import org.opensync.provisioner.cds.ConnectorDataStore;
import org.opensync.provisioner.cds.Deferred;
import org.opensync.provisioner.cds.DeferredWork;
import org.opensync.provisioner.engine.Outcome.FailureClass;

/**
 * Decides what a failed export becomes. Transient failures (throttling, 503, timeouts, no connection, a 5xx not seen
 * before) are escrowed and retried at later cycles with back-off until the give-up period is over; permanent ones (a
 * 4xx other than 429, or the same 500 answer to a repeated attempt) fail the object once and are not retried until it
 * changes in the source, so a refusal does not cycle through escrows and hide behind "retrying".
 */
@ApplicationScoped
public class ExportFailures {
    private static final String DUPLICATE_SOURCE_ENTRIES = "DuplicateSourceEntries";

    private final DeferredWork deferred;
    private final ConnectorDataStore links;
    private final ProvisionerConfig config;

    @Inject
    public ExportFailures(DeferredWork deferred, ConnectorDataStore links, ProvisionerConfig config) {
        this.deferred = deferred;
        this.links = links;
        this.config = config;
    }

    /** The target refuses what was sent (rather than failing to process it now): retrying it unchanged is useless. */
    static boolean refusal(ScimException e) {
        return e.status() >= 400 && !e.transientFailure() && !e.credentialProblem()
                && e.errorCode() != ScimErrorCode.InvalidAnchor;
    }

    /**
     * Whether a failed update or disable means that the object is gone from the target: a 404, or a 400 (targets that
     * answer unknown ids so) after which the target does not find the id any more.
     */
    static boolean targetObjectGone(JobContext job, ScimResourceType type, String targetId, ScimException e) {
        return e.errorCode() == ScimErrorCode.InvalidAnchor
                || (e.status() == 400 && !job.scim().exists(type, targetId));
    }

    Outcome exportFailed(JobContext job, ObjectChange.ObjectChanged change, Outcome outcome, ScimException e) {
        if (e.errorCode() == ScimErrorCode.InvalidAnchor) {
            links.remove(job.jobId(), change.anchor());
        }
        outcome.details(e.webResponse().map(body -> "Web Response: " + body).orElse(e.detail()))
                .step("EntryExport", "export", "failure", e.getMessage());
        if (refusal(e)) {
            deferred.done(job.jobId(), Deferred.ESCROW, change.anchor());
            return outcome.failed(e.errorCode().name(), e.getMessage() + " The target refuses it, so it is not retried "
                    + "until the object changes in the source.", FailureClass.PERMANENT);
        }
        Redaction secrets = outcome.redaction();
        DeferredWork.EscrowAttempt attempt = deferred.escrow(job.jobId(), change, e.errorCode().name(),
                secrets.scrub(e.getMessage()), secrets.scrub(e.signature()), config.escrowRetry());
        if (attempt.sameAnswerAsBefore()) {
            deferred.done(job.jobId(), Deferred.ESCROW, change.anchor());
            return outcome.failed(e.errorCode().name(), e.getMessage() + " The target gave this same answer at "
                    + "the previous attempt too, so it is not retried until the object changes in the source.",
                    FailureClass.PERMANENT);
        }
        if (attempt.givenUp()) {
            return outcome.failed(e.errorCode().name(), e.getMessage() + givenUp(attempt), FailureClass.GIVEN_UP);
        }
        boolean targetWide = e.credentialProblem() || (e.transientFailure() && e.status() == 0);
        return outcome.escrowed().details(retried(attempt, outcome.additionalDetails()))
                .failed(e.errorCode().name(), e.getMessage() + " It will be retried again after this date: "
                        + attempt.nextRetry() + " (escrow attempt " + attempt.attempts() + ").",
                        targetWide ? FailureClass.TARGET : FailureClass.TRANSIENT);
    }

    Outcome mappingFailed(JobContext job, ObjectChange.ObjectChanged change, Outcome outcome, MappingResult result) {
        String message = result.failures().stream().map(f -> f.targetAttributeName() + ": "
                + outcome.redaction().message(f)).collect(Collectors.joining("; "));
        String code = result.failures().get(0).code();
        DeferredWork.EscrowAttempt attempt = deferred.escrow(job.jobId(), change, code, message, null,
                config.escrowRetry());
        if (attempt.givenUp()) {
            message += givenUp(attempt);
        } else {
            outcome.escrowed().details(retried(attempt, null));
        }
        return outcome.failed(code, message, FailureClass.MAPPING)
                .failedAttribute(result.failures().get(0).targetAttributeName())
                .step("EntrySynchronizationError", "processing", "failure", message);
    }

    /**
     * A second source object matches what another one already has: a target object linked to it, or a matching value
     * it is being provisioned with in the same batch. It is not exported over the first, but escrowed, so that it is
     * exported once the collision is resolved in the source.
     *
     * @param shared what both match, e.g. "target object 42"
     */
    Outcome duplicateSource(JobContext job, ObjectChange.ObjectChanged change, Outcome outcome, String otherAnchor,
                            String shared) {
        String message = "The source objects " + otherAnchor + " and " + change.anchor() + " match the same "
                + shared + ", which stays with " + otherAnchor + "; " + change.anchor() + " is not exported over it.";
        DeferredWork.EscrowAttempt attempt = deferred.escrow(job.jobId(), change, DUPLICATE_SOURCE_ENTRIES, message,
                null, config.escrowRetry());
        if (attempt.givenUp()) {
            message += givenUp(attempt);
        } else {
            outcome.escrowed().details(retried(attempt, null));
        }
        return outcome.failed(DUPLICATE_SOURCE_ENTRIES, message, FailureClass.DUPLICATE_SOURCE)
                .step("EntryMatch", "matching", "failure", message);
    }

    /** The retry count and date lead the log's details; the target's answer, when there is one, follows. */
    private static String retried(DeferredWork.EscrowAttempt attempt, String details) {
        return details == null ? attempt.retryMessage() : attempt.retryMessage() + " " + details;
    }

    private String givenUp(DeferredWork.EscrowAttempt attempt) {
        return " Given up after " + attempt.attempts() + " attempts: it failed for longer than "
                + config.escrowGiveUpAfter().toDays() + " days, so it is retried only when the object changes in the "
                + "source or at a restart.";
    }
}

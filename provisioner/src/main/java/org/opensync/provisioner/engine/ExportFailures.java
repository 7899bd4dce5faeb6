package org.opensync.provisioner.engine;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.stream.Collectors;
import org.opensync.common.events.ObjectChange;
import org.opensync.connectors.target.TargetException;
import org.opensync.mapping.apply.MappingResult;
import org.opensync.provisioner.ProvisionerConfig;
import org.opensync.provisioner.cds.ConnectorDataStore;
import org.opensync.provisioner.cds.Deferred;
import org.opensync.provisioner.cds.DeferredWork;
import org.opensync.provisioner.engine.Outcome.FailureClass;

/**
 * Decides what a failed export becomes. Transient failures (throttling, 503, timeouts, no connection, a 5xx not seen
 * before, a directory down or busy) are escrowed and retried at later cycles with back-off until the give-up period
 * is over; permanent ones (a 4xx other than 429, the same 500 answer to a repeated attempt, a directory's refusal such
 * as a constraint violation) fail the object once and are not retried until it changes in the source, so a refusal
 * does not cycle through escrows and hide behind "retrying".
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

    /**
     * Whether a failed update or disable means that the object is gone from the target: a 404, or an answer that may
     * mean so (a SCIM 400, as some targets answer unknown ids; a directory's NoSuchObject) after which the target does
     * not find the object any more.
     */
    static boolean targetObjectGone(JobContext job, ObjectPlan plan, String targetId, TargetException e) {
        return e.objectGone() || (e.maybeGone() && !job.target().exists(plan.type(), targetId));
    }

    Outcome exportFailed(JobContext job, ObjectChange.ObjectChanged change, Outcome outcome, TargetException e) {
        if (e.objectGone()) {
            links.remove(job.jobId(), change.anchor());
        }
        outcome.details(e.details()).step("EntryExport", "export", "failure", e.getMessage());
        if (e.refusal()) {
            deferred.done(job.jobId(), Deferred.ESCROW, change.anchor());
            return outcome.failed(e.code(), e.getMessage() + " The target refuses it, so it is not retried "
                    + "until the object changes in the source.", FailureClass.PERMANENT);
        }
        Redaction secrets = outcome.redaction();
        DeferredWork.EscrowAttempt attempt = deferred.escrow(job.jobId(), change, e.code(),
                secrets.scrub(e.getMessage()), secrets.scrub(e.signature()), config.escrowRetry());
        if (attempt.sameAnswerAsBefore()) {
            deferred.done(job.jobId(), Deferred.ESCROW, change.anchor());
            return outcome.failed(e.code(), e.getMessage() + " The target gave this same answer at "
                    + "the previous attempt too, so it is not retried until the object changes in the source.",
                    FailureClass.PERMANENT);
        }
        if (attempt.givenUp()) {
            return outcome.failed(e.code(), e.getMessage() + givenUp(attempt), FailureClass.GIVEN_UP);
        }
        return outcome.escrowed().details(retried(attempt, outcome.additionalDetails()))
                .failed(e.code(), e.getMessage() + " It will be retried again after this date: "
                        + attempt.nextRetry() + " (escrow attempt " + attempt.attempts() + ").",
                        e.targetWide() ? FailureClass.TARGET : FailureClass.TRANSIENT);
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

package org.opensync.connectors.target;

/**
 * A target operation that failed, as the provisioning engine judges it whatever the target's protocol: escrow and
 * retry ({@link #transientFailure()}), fail the object for good ({@link #refusal()}), repair a target object deleted
 * behind the engine's back ({@link #objectGone()}, {@link #maybeGone()}), or stop the job ({@link #credentialProblem()}).
 */
public abstract class TargetException extends RuntimeException {

    protected TargetException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The provisioning-log error code, e.g. {@code ConstraintViolation} or {@code ServiceUnavailable}. */
    public abstract String code();

    /** True when the same request may succeed later unchanged: the target was down, busy or slow. */
    public abstract boolean transientFailure();

    /** The job's credentials are refused: every object fails alike. */
    public abstract boolean credentialProblem();

    /** The target refuses what was sent (rather than failing to process it now): retrying it unchanged is useless. */
    public abstract boolean refusal();

    /** The target says for certain that the object addressed does not exist (any more). */
    public abstract boolean objectGone();

    /** The answer may mean that the object is gone; the engine asks the target whether it still exists. */
    public abstract boolean maybeGone();

    /** Whatever the target failed at, it fails for every object: the target is unreachable or refuses the job. */
    public abstract boolean targetWide();

    /** The target's own answer for the log's details (bounded text), or what went wrong on our side. */
    public abstract String details();

    /**
     * What identifies the failure's cause at the target, to recognise a later failure of the same object as the same
     * answer; null when the answer says nothing about the object (throttling, outages).
     */
    public abstract String signature();
}

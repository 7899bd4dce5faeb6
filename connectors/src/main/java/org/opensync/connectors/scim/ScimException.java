package org.opensync.connectors.scim;

import java.time.Duration;
import java.util.Optional;
import org.opensync.connectors.target.TargetException;

/**
  * A SCIM request that failed for good (after any retries). The engine decides from {@link #errorCode()},
  * {@link #transientFailure()} (retry next cycle) and {@link #credentialProblem()} (401/403: quarantine candidate);
  * {@link #webResponse()} is the target's body for the log's additionalDetails: at most 1,000 characters of text, without
  * control characters, or a placeholder for a body that is not text.
  */
public final class ScimException extends TargetException {

    private final ScimErrorCode errorCode;
    private final int status;
    private final String scimType;
    private final String detail;
    private final String webResponse;
    private final boolean transientFailure;
    private final boolean retryable;
    private final Duration retryAfter;
    private final int attempts;

    ScimException(ScimErrorCode errorCode, int status, String scimType, String detail, String webResponse,
                                boolean transientFailure, boolean retryable, Duration retryAfter, int attempts, String message,
                                Throwable cause) {
        super(message, cause);
        this.errorCode = errorCode;
        this.status = status;
        this.scimType = scimType;
        this.detail = detail;
        this.webResponse = webResponse;
        this.transientFailure = transientFailure;
        this.retryable = retryable;
        this.retryAfter = retryAfter;
        this.attempts = attempts;
    }

    public ScimErrorCode errorCode() {
        return errorCode;
    }

    @Override
    public String code() {
        return errorCode.name();
    }

    /** A 4xx other than 429, 401, 403 and 404. */
    @Override
    public boolean refusal() {
        return status >= 400 && !transientFailure && !credentialProblem() && errorCode != ScimErrorCode.InvalidAnchor;
    }

    /** 404. */
    @Override
    public boolean objectGone() {
        return errorCode == ScimErrorCode.InvalidAnchor;
    }

    /** Some targets answer an unknown id with 400. */
    @Override
    public boolean maybeGone() {
        return status == 400;
    }

    /** No answer at all, or the credentials are refused. */
    @Override
    public boolean targetWide() {
        return credentialProblem() || (transientFailure && status == 0);
    }

    /** The target's body ({@code Web Response: …}), else its SCIM detail. */
    @Override
    public String details() {
        return webResponse().map(body -> "Web Response: " + body).orElse(detail);
    }

    /** The HTTP status, or 0 when no response arrived. */
    public int status() {
        return status;
    }

    /** The target's SCIM {@code scimType}, when it sent one. */
    public Optional<String> scimType() {
        return Optional.ofNullable(scimType);
    }

    /** The target's SCIM {@code detail}, or what went wrong on our side. */
    public String detail() {
        return detail;
    }

    public Optional<String> webResponse() {
        return Optional.ofNullable(webResponse);
    }

    /** True when the same request may succeed later unchanged: throttling, 5xx, timeouts, transport errors. */
    @Override
    public boolean transientFailure() {
        return transientFailure;
    }

    /**
      * What identifies a 500's cause at the target (its body), to recognise a later failure of the same object as
      * the same answer; null for any other failure: "come back later" (429, 503), gateway errors and lost connections
      * say the same words whatever the request.
      */
    @Override
    public String signature() {
        return status == 500 ? status + " " + (webResponse == null ? "" : webResponse) : null;
    }

    /** 401 or 403: the secret token is wrong or lacks rights. */
    @Override
    public boolean credentialProblem() {
        return errorCode == ScimErrorCode.Unauthorized || errorCode == ScimErrorCode.InsufficientRights;
    }

    /** How many times the request was sent. */
    public int attempts() {
        return attempts;
    }

    /** What the target asked for in Retry-After, when it did. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    boolean retryable() {
        return retryable;
    }

    /** Ends like the Entra log text: "… This operation was retried 3 times." */
    @Override
    public String getMessage() {
        return attempts > 1 ? super.getMessage() + " This operation was retried " + (attempts - 1) + " times."
                : super.getMessage();
    }

    ScimException afterAttempts(int count) {
        return new ScimException(errorCode, status, scimType, detail, webResponse, transientFailure, retryable, retryAfter,
                count, super.getMessage(), getCause());
    }
}

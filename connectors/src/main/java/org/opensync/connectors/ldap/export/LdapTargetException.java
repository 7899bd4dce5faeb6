package org.opensync.connectors.ldap.export;

import java.util.Optional;

/**
  * An LDAP target operation that failed. The engine decides from {@link #errorCode()} (the provisioning-log code) and
  * {@link #transientFailure()} (escrow and retry, or fail the object for good); {@link #diagnostic()} is the
  * directory's own text, bounded, for the log's details.
  */
public final class LdapTargetException extends RuntimeException {

    private final LdapTargetErrorCode errorCode;
    private final String resultCode;
    private final String diagnostic;
    private final boolean transientFailure;

    LdapTargetException(LdapTargetErrorCode errorCode, String resultCode, String diagnostic, boolean transientFailure,
                        String message, Throwable cause) {
        super(message, cause);
        this.errorCode = errorCode;
        this.resultCode = resultCode;
        this.diagnostic = diagnostic;
        this.transientFailure = transientFailure;
    }

    public LdapTargetErrorCode errorCode() {
        return errorCode;
    }

    /** The LDAP result code as the SDK names it, e.g. {@code 19 (constraint violation)}; empty when none arrived. */
    public Optional<String> resultCode() {
        return Optional.ofNullable(resultCode);
    }

    /** The directory's diagnostic message (at most 1,000 characters), or ours. */
    public String diagnostic() {
        return diagnostic;
    }

    /** True when the same operation may succeed later unchanged: the directory was down, busy or slow. */
    public boolean transientFailure() {
        return transientFailure;
    }

    /** The bind was refused: the job's credentials are wrong, not this object (quarantine candidate). */
    public boolean credentialProblem() {
        return errorCode == LdapTargetErrorCode.InvalidCredentials;
    }
}

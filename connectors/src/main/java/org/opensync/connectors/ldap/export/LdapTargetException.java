package org.opensync.connectors.ldap.export;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.opensync.connectors.target.TargetException;

/**
  * An LDAP target operation that failed. The engine decides from {@link #errorCode()} (the provisioning-log code) and
  * {@link #transientFailure()} (escrow and retry, or fail the object for good); {@link #diagnostic()} is the
  * directory's own text, bounded, for the log's details.
  */
public final class LdapTargetException extends TargetException {

    /** Failures of the job's connection rather than of what one object asked for. */
    private static final Set<LdapTargetErrorCode> JOB_WIDE = EnumSet.of(LdapTargetErrorCode.EgressDenied,
            LdapTargetErrorCode.ConfigurationError, LdapTargetErrorCode.ConfidentialityRequired);

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

    @Override
    public String code() {
        return errorCode.name();
    }

    /** The directory refused this object's request: a constraint, a schema rule, an existing entry, access rights. */
    @Override
    public boolean refusal() {
        return !transientFailure && !credentialProblem() && !JOB_WIDE.contains(errorCode);
    }

    /** The directory never says for sure: NoSuchObject may also be a missing parent container. */
    @Override
    public boolean objectGone() {
        return false;
    }

    @Override
    public boolean maybeGone() {
        return errorCode == LdapTargetErrorCode.NoSuchObject;
    }

    @Override
    public boolean targetWide() {
        return transientFailure || credentialProblem() || JOB_WIDE.contains(errorCode);
    }

    @Override
    public String details() {
        return resultCode().map(code -> "LDAP result " + code + ": ").orElse("") + diagnostic;
    }

    /** A refusal is never retried unchanged, and an outage says nothing about the object. */
    @Override
    public String signature() {
        return null;
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
    @Override
    public boolean transientFailure() {
        return transientFailure;
    }

    /** The bind was refused: the job's credentials are wrong, not this object (quarantine candidate). */
    @Override
    public boolean credentialProblem() {
        return errorCode == LdapTargetErrorCode.InvalidCredentials;
    }
}

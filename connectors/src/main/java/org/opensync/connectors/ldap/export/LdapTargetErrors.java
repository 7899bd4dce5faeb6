package org.opensync.connectors.ldap.export;

import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;

import java.util.Map;
import org.opensync.connectors.ldap.LdapErrors;
import org.opensync.connectors.ldap.LdapSourceException;
import org.opensync.connectors.net.EgressDeniedException;

/** Builds {@link LdapTargetException}s from LDAP result codes, keeping the directory's diagnostic message. */
final class LdapTargetErrors {

    /** Directory messages longer than this are cut: they go into provisioning logs and events. */
    static final int MAX_DIAGNOSTIC = 1_000;

    private static final Map<ResultCode, LdapTargetErrorCode> CODES = Map.ofEntries(
            Map.entry(ResultCode.CONSTRAINT_VIOLATION, LdapTargetErrorCode.ConstraintViolation),
            Map.entry(ResultCode.ATTRIBUTE_OR_VALUE_EXISTS, LdapTargetErrorCode.AttributeOrValueExists),
            Map.entry(ResultCode.NO_SUCH_OBJECT, LdapTargetErrorCode.NoSuchObject),
            Map.entry(ResultCode.NO_SUCH_ATTRIBUTE, LdapTargetErrorCode.NoSuchAttribute),
            Map.entry(ResultCode.INSUFFICIENT_ACCESS_RIGHTS, LdapTargetErrorCode.InsufficientAccessRights),
            Map.entry(ResultCode.ENTRY_ALREADY_EXISTS, LdapTargetErrorCode.EntryAlreadyExists),
            Map.entry(ResultCode.OBJECT_CLASS_VIOLATION, LdapTargetErrorCode.ObjectClassViolation),
            Map.entry(ResultCode.INVALID_ATTRIBUTE_SYNTAX, LdapTargetErrorCode.InvalidAttributeSyntax),
            Map.entry(ResultCode.UNDEFINED_ATTRIBUTE_TYPE, LdapTargetErrorCode.UndefinedAttributeType),
            Map.entry(ResultCode.NAMING_VIOLATION, LdapTargetErrorCode.NamingViolation),
            Map.entry(ResultCode.INVALID_DN_SYNTAX, LdapTargetErrorCode.InvalidDnSyntax),
            Map.entry(ResultCode.NOT_ALLOWED_ON_NONLEAF, LdapTargetErrorCode.NotAllowedOnNonLeaf),
            Map.entry(ResultCode.NOT_ALLOWED_ON_RDN, LdapTargetErrorCode.NotAllowedOnRdn),
            Map.entry(ResultCode.UNWILLING_TO_PERFORM, LdapTargetErrorCode.UnwillingToPerform),
            Map.entry(ResultCode.INVALID_CREDENTIALS, LdapTargetErrorCode.InvalidCredentials),
            Map.entry(ResultCode.INAPPROPRIATE_AUTHENTICATION, LdapTargetErrorCode.InvalidCredentials),
            Map.entry(ResultCode.CONFIDENTIALITY_REQUIRED, LdapTargetErrorCode.ConfidentialityRequired),
            Map.entry(ResultCode.STRONG_AUTH_REQUIRED, LdapTargetErrorCode.ConfidentialityRequired),
            Map.entry(ResultCode.TIMEOUT, LdapTargetErrorCode.Timeout),
            Map.entry(ResultCode.TIME_LIMIT_EXCEEDED, LdapTargetErrorCode.Timeout));

    private LdapTargetErrors() {
    }

    /**
      * @param operation what was attempted, e.g. {@code modify}
      * @param dn        the entry concerned, or the search base
      */
    static LdapTargetException of(LDAPException e, String operation, String dn) {
        EgressDeniedException denied = EgressDeniedException.in(e);
        if (denied != null) {
            return egressDenied(denied);
        }
        String diagnostic = bounded(e.getDiagnosticMessage() == null ? e.getMessage() : e.getDiagnosticMessage());
        ResultCode result = e.getResultCode();
        boolean transientFailure = LdapErrors.transientResult(result);
        LdapTargetErrorCode code;
        if (LdapErrors.tlsRefused(e)) {
            code = LdapTargetErrorCode.ConfigurationError;
        } else if (transientFailure) {
            code = CODES.getOrDefault(result, LdapTargetErrorCode.ServiceUnavailable);
        } else {
            code = CODES.getOrDefault(result, LdapTargetErrorCode.Other);
        }
        return new LdapTargetException(code, result.toString(), diagnostic, transientFailure,
                code + ": the directory refused " + operation + " of '" + dn + "' (" + result + ")"
                        + (diagnostic.isEmpty() ? "" : ": " + diagnostic)
                        + (transientFailure ? "; it will be retried" : ""), e);
    }

    /** Opening the pool failed: unreachable (retry), refused bind, or settings that cannot work. */
    static LdapTargetException opening(LdapSourceException e) {
        if (e.getCause() instanceof LDAPException ldap && !LdapErrors.tlsRefused(ldap)) {
            return of(ldap, "the connection", "");
        }
        LdapTargetErrorCode code = e.transientFailure() ? LdapTargetErrorCode.ServiceUnavailable
                : LdapTargetErrorCode.ConfigurationError;
        return new LdapTargetException(code, null, bounded(e.getMessage()), e.transientFailure(), code + ": "
                + e.getMessage(), e);
    }

    static LdapTargetException egressDenied(EgressDeniedException refusal) {
        return new LdapTargetException(LdapTargetErrorCode.EgressDenied, null, bounded(refusal.getMessage()), true,
                refusal.getMessage(), refusal);
    }

    /** A failure found on our side before or instead of a directory answer. */
    static LdapTargetException ours(LdapTargetErrorCode code, String message) {
        return new LdapTargetException(code, null, bounded(message), false, code + ": " + message, null);
    }

    /** Control characters (a directory may echo binary values) become spaces; the text is cut to a bound. */
    static String bounded(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder clean = new StringBuilder(Math.min(text.length(), MAX_DIAGNOSTIC + 1));
        for (int i = 0; i < text.length() && clean.length() < MAX_DIAGNOSTIC; i++) {
            char c = text.charAt(i);
            clean.append(Character.isISOControl(c) ? ' ' : c);
        }
        return text.length() > MAX_DIAGNOSTIC ? clean.append('…').toString() : clean.toString().strip();
    }
}

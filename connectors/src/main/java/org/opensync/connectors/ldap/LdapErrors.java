package org.opensync.connectors.ldap;

import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;

import java.security.cert.CertificateException;
import java.util.Set;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.opensync.connectors.net.EgressDeniedException;

/**
  * Sorts UnboundID failures into the three kinds callers handle, with a message that names the cause; a refusal of the
  * egress policy (from the name resolution hook) is handed back as it is.
  */
public final class LdapErrors {

    private static final Set<ResultCode> TRANSIENT = Set.of(ResultCode.SERVER_DOWN, ResultCode.CONNECT_ERROR,
            ResultCode.TIMEOUT, ResultCode.TIME_LIMIT_EXCEEDED, ResultCode.BUSY, ResultCode.UNAVAILABLE,
            ResultCode.LOCAL_ERROR);

    private LdapErrors() {
    }

    static RuntimeException translate(LDAPException e, LdapSettings settings, String operation) {
        EgressDeniedException denied = EgressDeniedException.in(e);
        if (denied != null) {
            return denied;
        }
        ResultCode code = e.getResultCode();
        String diagnostic = e.getDiagnosticMessage() == null ? e.getMessage() : e.getDiagnosticMessage();
        if (tlsRefused(e)) {
            return new LdapConfigurationException("TLS with LDAP server " + settings.url() + " failed during "
                    + operation + ": its certificate is not trusted or not issued for this host name (trust its CA "
                    + "or connect by the name in its certificate): " + diagnostic, e);
        }
        if (transientResult(code)) {
            return new LdapUnavailableException("LDAP server " + settings.url() + " unavailable during " + operation + " ("
                    + code + "): " + diagnostic + "; retry later", e);
        }
        String hint;
        if (code == ResultCode.INVALID_CREDENTIALS) {
            hint = "bind as '" + settings.bindDn() + "' refused: check the bind DN and password";
        } else if (code == ResultCode.NO_SUCH_OBJECT) {
            hint = "no such entry (is the base DN '" + settings.baseDn() + "' or the search base right?)";
        } else if (code == ResultCode.INSUFFICIENT_ACCESS_RIGHTS || code == ResultCode.INAPPROPRIATE_AUTHENTICATION
                || code == ResultCode.STRONG_AUTH_REQUIRED || code == ResultCode.CONFIDENTIALITY_REQUIRED) {
            hint = "the bind DN lacks the rights or the connection security the server demands";
        } else {
            hint = "request refused";
        }
        return new LdapConfigurationException("LDAP server " + settings.url() + " refused " + operation + " (" + code
                + "): " + hint + (diagnostic == null ? "" : "; server said: " + diagnostic), e);
    }

    /** The server could not be reached, was busy or did not answer in time: the same request may succeed later. */
    public static boolean transientResult(ResultCode code) {
        return TRANSIENT.contains(code);
    }

    /** A certificate the trust managers refused, or one that does not name the host. */
    public static boolean tlsRefused(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SSLHandshakeException || cause instanceof CertificateException
                    || cause instanceof SSLPeerUnverifiedException) {
                return true;
            }
        }
        return false;
    }
}

package org.opensync.connectors.ldap;

import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;

import java.util.Set;

/** Sorts UnboundID failures into the three kinds callers handle, with a message that names the cause. */
final class LdapErrors {

    private static final Set<ResultCode> TRANSIENT = Set.of(ResultCode.SERVER_DOWN, ResultCode.CONNECT_ERROR,
            ResultCode.TIMEOUT, ResultCode.TIME_LIMIT_EXCEEDED, ResultCode.BUSY, ResultCode.UNAVAILABLE,
            ResultCode.LOCAL_ERROR);

    private LdapErrors() {
    }

    static LdapSourceException translate(LDAPException e, LdapSettings settings, String operation) {
        ResultCode code = e.getResultCode();
        String diagnostic = e.getDiagnosticMessage() == null ? e.getMessage() : e.getDiagnosticMessage();
        if (TRANSIENT.contains(code)) {
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
}

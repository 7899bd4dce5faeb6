package org.opensync.connectors.ldap.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import org.junit.jupiter.api.Test;

/** LDAP result codes sorted into escrow-and-retry or failed-for-good, with provisioning-log codes. */
class LdapTargetErrorsTest {

    @Test
    void refusalsArePermanentWithTheirCodeAndTheDirectorysMessage() {
        LdapTargetException e = LdapTargetErrors.of(new LDAPException(ResultCode.CONSTRAINT_VIOLATION,
                "attribute 'displayName' cannot have multiple values"), "the modify", "cn=a,dc=example,dc=org");

        assertThat(e.errorCode()).isEqualTo(LdapTargetErrorCode.ConstraintViolation);
        assertThat(e.transientFailure()).isFalse();
        assertThat(e.resultCode()).hasValueSatisfying(code -> assertThat(code).contains("19"));
        assertThat(e.diagnostic()).isEqualTo("attribute 'displayName' cannot have multiple values");
        assertThat(e.getMessage()).contains("cn=a,dc=example,dc=org", "the modify", "displayName");
        assertThat(code(ResultCode.ENTRY_ALREADY_EXISTS)).isEqualTo(LdapTargetErrorCode.EntryAlreadyExists);
        assertThat(code(ResultCode.NO_SUCH_OBJECT)).isEqualTo(LdapTargetErrorCode.NoSuchObject);
        assertThat(code(ResultCode.INSUFFICIENT_ACCESS_RIGHTS)).isEqualTo(LdapTargetErrorCode.InsufficientAccessRights);
        assertThat(code(ResultCode.ATTRIBUTE_OR_VALUE_EXISTS)).isEqualTo(LdapTargetErrorCode.AttributeOrValueExists);
        assertThat(code(ResultCode.OBJECT_CLASS_VIOLATION)).isEqualTo(LdapTargetErrorCode.ObjectClassViolation);
        assertThat(code(ResultCode.ALIAS_PROBLEM)).isEqualTo(LdapTargetErrorCode.Other);
    }

    @Test
    void anUnavailableBusyOrSlowDirectoryIsRetried() {
        for (ResultCode result : new ResultCode[] {ResultCode.SERVER_DOWN, ResultCode.CONNECT_ERROR, ResultCode.BUSY,
                ResultCode.UNAVAILABLE, ResultCode.TIMEOUT}) {
            LdapTargetException e = LdapTargetErrors.of(new LDAPException(result, "down"), "the add", "cn=a");
            assertThat(e.transientFailure()).as(result.toString()).isTrue();
            assertThat(e.errorCode()).isIn(LdapTargetErrorCode.ServiceUnavailable, LdapTargetErrorCode.Timeout);
        }
    }

    @Test
    void theDiagnosticIsBoundedAndFreeOfControlCharacters() {
        String noisy = "bad\u0000value\n" + "x".repeat(5_000);

        String diagnostic = LdapTargetErrors.of(new LDAPException(ResultCode.INVALID_ATTRIBUTE_SYNTAX, noisy),
                "the add", "cn=a").diagnostic();

        assertThat(diagnostic).startsWith("bad value x").hasSize(LdapTargetErrors.MAX_DIAGNOSTIC + 1).endsWith("…");
    }

    private static LdapTargetErrorCode code(ResultCode result) {
        return LdapTargetErrors.of(new LDAPException(result, "refused"), "the add", "cn=a").errorCode();
    }
}

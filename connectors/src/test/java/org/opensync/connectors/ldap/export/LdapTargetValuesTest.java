package org.opensync.connectors.ldap.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.LDAPException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Active Directory encodings and DN building: plain unit tests (no AD domain controller here). */
class LdapTargetValuesTest {

    @Test
    void unicodePwdIsTheQuotedPasswordInUtf16LittleEndian() {
        byte[] encoded = ActiveDirectoryValues.unicodePwd("Pä\"1");

        assertThat(encoded).containsExactly(0x22, 0, 0x50, 0, 0xE4, 0, 0x22, 0, 0x31, 0, 0x22, 0);
        assertThat(new String(encoded, StandardCharsets.UTF_16LE)).isEqualTo("\"Pä\"1\"");
    }

    @Test
    void accountDisableBitIsSetAndClearedKeepingTheOtherFlags() {
        // 66048 = NORMAL_ACCOUNT (512) | DONT_EXPIRE_PASSWORD (65536)
        assertThat(ActiveDirectoryValues.disabled("66048")).isEqualTo("66050");
        assertThat(ActiveDirectoryValues.disabled("66050")).isEqualTo("66050");
        assertThat(ActiveDirectoryValues.enabled("66050")).isEqualTo("66048");
        assertThat(ActiveDirectoryValues.enabled("512")).isEqualTo("512");
        assertThat(ActiveDirectoryValues.isDisabled("514")).isTrue();
        assertThat(ActiveDirectoryValues.isDisabled(null)).isFalse();
        assertThat(ActiveDirectoryValues.disabled("")).isEqualTo("2");
        assertThatThrownBy(() -> ActiveDirectoryValues.disabled("enabled"))
                .isInstanceOfSatisfying(LdapTargetException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(LdapTargetErrorCode.InvalidAttributeSyntax));
    }

    @Test
    void childDnsEscapeTheValueSoItStaysOneRdn() throws LDAPException {
        String dn = TargetDns.child("CN", "Doe, John +\"Jr\" \\ <x>;#", "OU=Dallas,DC=example,DC=org");

        DN parsed = new DN(dn);
        assertThat(parsed.getRDN().getAttributeValues()).containsExactly("Doe, John +\"Jr\" \\ <x>;#");
        assertThat(parsed.getParent()).isEqualTo(new DN("ou=dallas,dc=example,dc=org"));
        assertThat(TargetDns.parent(dn)).isEqualTo("OU=Dallas,DC=example,DC=org");
        assertThat(TargetDns.same(dn, dn.toLowerCase())).isTrue();
    }

    @Test
    void aDnCannotBeBuiltFromAnEmptyValueOrABadContainer() {
        assertThatThrownBy(() -> TargetDns.child("cn", "", "ou=x,dc=example,dc=org"))
                .isInstanceOfSatisfying(LdapTargetException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(LdapTargetErrorCode.InvalidDnSyntax));
        assertThatThrownBy(() -> TargetDns.child("cn", "a", "not a dn"))
                .isInstanceOfSatisfying(LdapTargetException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(LdapTargetErrorCode.InvalidDnSyntax));
    }
}

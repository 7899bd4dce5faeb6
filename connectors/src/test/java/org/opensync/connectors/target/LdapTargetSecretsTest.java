package org.opensync.connectors.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opensync.connectors.ldap.export.DisableMode;

class LdapTargetSecretsTest {

    @Test
    void disableModesByName() {
        assertThat(LdapTargetSecrets.disableMode(null, null)).isNull();
        assertThat(LdapTargetSecrets.disableMode("accountcontrol", null)).isEqualTo(new DisableMode.AccountControl());
        assertThat(LdapTargetSecrets.disableMode("PasswordPolicyLock", null))
                .isEqualTo(new DisableMode.SetAttribute("pwdAccountLockedTime", "000001010000Z"));
        assertThat(LdapTargetSecrets.disableMode("MoveToLeavers", "ou=leavers,dc=example,dc=org"))
                .isEqualTo(new DisableMode.MoveTo("ou=leavers,dc=example,dc=org"));
        assertThat(LdapTargetSecrets.disableMode(" employeeType = disabled ", null))
                .isEqualTo(new DisableMode.SetAttribute("employeeType", "disabled"));
    }

    @Test
    void unusableDisableModesAreRefused() {
        assertThatThrownBy(() -> LdapTargetSecrets.disableMode("MoveToLeavers", " "))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("LeaversContainer");
        assertThatThrownBy(() -> LdapTargetSecrets.disableMode("MoveToLeavers", "not a dn"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LdapTargetSecrets.disableMode("Lock", null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aTargetDirectoryIsNamedByTargetServer() {
        assertThat(LdapTargetSecrets.present(Map.of("Server", "ldap://source"))).isFalse();
        assertThat(LdapTargetSecrets.present(Map.of("TargetServer", "ldap://target"))).isTrue();
        assertThat(LdapTargetSecrets.namingAttribute(Map.of())).isEqualTo("cn");
        assertThat(LdapTargetSecrets.namingAttribute(Map.of("TargetNamingAttribute", "uid"))).isEqualTo("uid");
    }
}

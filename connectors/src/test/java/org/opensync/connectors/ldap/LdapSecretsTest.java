package org.opensync.connectors.ldap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LdapSecretsTest {

    @Test
    void serverDomainAndBindCredentialsMakeTheSettings() {
        LdapSettings settings = LdapSecrets.settings(Map.of("Server", "ldap://dir.example:389", "Domain",
                "dc=example,dc=org", "UserName", "cn=reader,dc=example,dc=org", "Password", "secret-value",
                "AuthenticationType", "StartTls"), TestSettings.LOCAL, null).orElseThrow();
        assertThat(settings.url()).isEqualTo("ldap://dir.example:389");
        assertThat(settings.baseDn()).isEqualTo("dc=example,dc=org");
        assertThat(settings.bindDn()).isEqualTo("cn=reader,dc=example,dc=org");
        assertThat(settings.startTls()).isTrue();
        assertThat(settings.egress()).isSameAs(TestSettings.LOCAL);
        assertThat(settings.toString()).doesNotContain("secret-value");
    }

    @Test
    void withoutServerOrDomainThereIsNoDirectory() {
        assertThat(LdapSecrets.settings(Map.of("Domain", "dc=example,dc=org"), TestSettings.LOCAL, null)).isEmpty();
        assertThat(LdapSecrets.settings(Map.of("Server", "ldap://dir.example"), TestSettings.LOCAL, null)).isEmpty();
    }

    @Test
    void unusableValuesAreRefused() {
        assertThatThrownBy(() -> LdapSecrets.settings(Map.of("Server", "ldap://dir.example", "Domain", "dc=x",
                "AuthenticationType", "Kerberos"), TestSettings.LOCAL, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Kerberos");
        assertThatThrownBy(() -> LdapSecrets.settings(Map.of("Server", "http://dir.example", "Domain", "dc=x"),
                TestSettings.LOCAL, null)).isInstanceOf(IllegalArgumentException.class);
    }
}

package org.opensync.connectors.target;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What makes a difference to a directory, without one. */
class LdapProvisioningTargetTest {
    private final LdapProvisioningTarget target = new LdapProvisioningTarget(null, "dc=example,dc=org", "cn",
            "localhost");

    @Test
    void valuesAreStringsAndBooleansInLdapForm() {
        assertThat(LdapProvisioningTarget.values(null)).isEmpty();
        assertThat(LdapProvisioningTarget.values(true)).containsExactly("TRUE");
        assertThat(LdapProvisioningTarget.values(42L)).containsExactly("42");
        assertThat(LdapProvisioningTarget.values(List.of("a", "b"))).containsExactly("a", "b");
    }

    @Test
    void differencesIgnoreValueOrderFormAndPasswords() {
        assertThat(target.differs(Map.of("title", "Lead"), Map.of("title", List.of("Lead")))).isFalse();
        assertThat(target.differs(Map.of("phone", List.of("1", "2")), Map.of("phone", List.of("2", "1")))).isFalse();
        assertThat(target.differs(Map.of("title", "Lead"), Map.of("title", "Director"))).isTrue();
        assertThat(target.differs(Map.of(), Map.of("userPassword", "secret"))).isFalse();
        assertThat(target.differs(Map.of("active", true), Map.of("active", false))).isTrue();
        assertThat(target.differs(Map.of("parentDistinguishedName", "ou=a,dc=example,dc=org"),
                Map.of("parentDistinguishedName", "ou=b,dc=example,dc=org"))).isTrue();
    }

    @Test
    void groupClassesHoldMembers() {
        assertThat(target.type("groupOfNames")).get().extracting(TargetType::group).isEqualTo(true);
        assertThat(target.type("inetOrgPerson")).get().extracting(TargetType::group).isEqualTo(false);
    }
}

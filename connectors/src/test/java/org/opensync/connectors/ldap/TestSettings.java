package org.opensync.connectors.ldap;

import java.time.Duration;
import org.opensync.connectors.net.EgressPolicy;
import org.opensync.connectors.net.EgressSettings;
import org.opensync.sandbox.directory.TestDirectory;

/** Settings for a test directory: its own root as base DN, no clock-skew allowance, loopback allowed (same host). */
final class TestSettings {

    static final EgressPolicy LOCAL = EgressPolicy.of(EgressSettings.loopbackAllowed());

    private TestSettings() {
    }

    static LdapSettings of(TestDirectory directory) {
        return LdapSettings.of(directory.url(), directory.bindDn(), directory.password(), directory.baseDn())
                .withClockSkewAllowance(Duration.ZERO).withEgress(LOCAL);
    }
}

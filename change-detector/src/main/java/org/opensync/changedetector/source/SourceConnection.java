package org.opensync.changedetector.source;

import java.util.Map;
import java.util.Optional;
import org.opensync.connectors.ldap.LdapSettings;

/**
 * LDAP connection settings from a service principal's secrets, named after Graph's synchronizationSecret members:
 * {@code Server} (ldap:// or ldaps:// URL), {@code UserName} (bind DN), {@code Password}, {@code Domain} (base DN).
 */
public final class SourceConnection {
    private SourceConnection() {
    }

    /** @return the settings, or empty when a required secret is missing (the job cannot run: tenant must fix) */
    public static Optional<LdapSettings> settings(Map<String, String> secrets) {
        String url = secrets.get("Server");
        String baseDn = secrets.get("Domain");
        if (isBlank(url) || isBlank(baseDn)) {
            return Optional.empty();
        }
        return Optional.of(LdapSettings.of(url, secrets.get("UserName"), secrets.get("Password"), baseDn));
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}

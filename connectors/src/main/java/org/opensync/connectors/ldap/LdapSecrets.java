package org.opensync.connectors.ldap;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.opensync.connectors.net.EgressPolicy;
import org.opensync.connectors.net.PemTrust;

/**
 * LDAP connection settings from a service principal's secrets, named after Graph's synchronizationSecret members:
 * {@code Server} (ldap:// or ldaps:// URL), {@code UserName} (bind DN), {@code Password}, {@code Domain} (base DN),
 * {@code AuthenticationType} ({@code Simple}, the default, or {@code StartTls}: switch an ldap:// connection to TLS
 * before the bind). change-detector reads the directory with them; job-api tests them and reads the directory's
 * schema with them.
 */
public final class LdapSecrets {
    private static final String SIMPLE = "simple";
    private static final String START_TLS = "starttls";
    /** PEM text of certificates the job trusts beside the JVM's (a private CA). */
    public static final String TRUSTED_CERTIFICATE = PemTrust.SECRET;

    private LdapSecrets() {
    }

    /**
     * @param egress              where the directory may be
     * @param trustedCertificates a PEM file of CAs trusted beside the JVM's, or null
     * @return the settings, or empty when a required secret is missing (the job cannot run: tenant must fix)
     * @throws IllegalArgumentException a secret that is not usable (a malformed URL, an unknown AuthenticationType)
     */
    public static Optional<LdapSettings> settings(Map<String, String> secrets, EgressPolicy egress,
                                                  Path trustedCertificates) {
        return settings(secrets, "", egress, trustedCertificates);
    }

    /**
     * The same from secrets named with a prefix: {@code Target} for a target directory ({@code TargetServer},
     * {@code TargetUserName}, {@code TargetPassword}, {@code TargetDomain}, {@code TargetAuthenticationType}), so that a
     * job reading one directory and writing another has both. {@code TrustedCertificate} is the job's, for both.
     */
    public static Optional<LdapSettings> settings(Map<String, String> secrets, String prefix, EgressPolicy egress,
                                                  Path trustedCertificates) {
        String url = secrets.get(prefix + "Server");
        String baseDn = secrets.get(prefix + "Domain");
        if (isBlank(url) || isBlank(baseDn)) {
            return Optional.empty();
        }
        String authentication = secrets.getOrDefault(prefix + "AuthenticationType", "");
        String mode = authentication.isBlank() ? SIMPLE : authentication.trim().toLowerCase(Locale.ROOT);
        if (!mode.equals(SIMPLE) && !mode.equals(START_TLS)) {
            throw new IllegalArgumentException(prefix + "AuthenticationType '" + authentication
                    + "' is not supported: use "
                    + "Simple (ldap:// or ldaps://) or StartTls (ldap:// switched to TLS before the bind)");
        }
        return Optional.of(LdapSettings.of(url, secrets.get(prefix + "UserName"), secrets.get(prefix + "Password"),
                        baseDn)
                .withEgress(egress).withTls(mode.equals(START_TLS), trustedCertificates)
                .withJobCertificates(isBlank(secrets.get(TRUSTED_CERTIFICATE)) ? null
                        : secrets.get(TRUSTED_CERTIFICATE)));
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}

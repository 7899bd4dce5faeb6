package org.opensync.connectors.target;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.opensync.connectors.ldap.LdapSecrets;
import org.opensync.connectors.ldap.LdapSettings;
import org.opensync.connectors.ldap.export.DisableMode;
import org.opensync.connectors.ldap.export.LdapTargetSettings;
import org.opensync.connectors.net.EgressPolicy;

/**
 * A target directory from a service principal's secrets: {@code TargetServer}, {@code TargetUserName},
 * {@code TargetPassword}, {@code TargetDomain}, {@code TargetAuthenticationType} (as the source's, with the prefix),
 * and how accounts are disabled: {@code DisableMode} {@code AccountControl} (AD's ACCOUNTDISABLE bit),
 * {@code PasswordPolicyLock} ({@code pwdAccountLockedTime}), {@code MoveToLeavers} (below {@code LeaversContainer}) or
 * {@code attribute=value} (a marker attribute set to disable and removed to enable); without it, the directory's own
 * (AD's bit, else the password-policy lock). {@code TargetNamingAttribute} names the RDN attribute ({@code cn}).
 */
public final class LdapTargetSecrets {
    public static final String PREFIX = "Target";

    private LdapTargetSecrets() {
    }

    /** Whether the secrets name a target directory (a job writing LDAP rather than SCIM). */
    public static boolean present(Map<String, String> secrets) {
        String server = secrets.get(PREFIX + "Server");
        return server != null && !server.isBlank();
    }

    /** @throws IllegalArgumentException a secret that is not usable */
    public static Optional<LdapSettings> settings(Map<String, String> secrets, EgressPolicy egress,
                                                  Path trustedCertificates) {
        return LdapSecrets.settings(secrets, PREFIX, egress, trustedCertificates);
    }

    /** @throws IllegalArgumentException a DisableMode that is not one of the forms above */
    public static LdapTargetSettings options(Map<String, String> secrets) {
        return LdapTargetSettings.defaults().withDisableMode(disableMode(secrets.get("DisableMode"),
                secrets.get("LeaversContainer")));
    }

    public static String namingAttribute(Map<String, String> secrets) {
        String name = secrets.get(PREFIX + "NamingAttribute");
        return name == null || name.isBlank() ? LdapProvisioningTarget.DEFAULT_NAMING_ATTRIBUTE : name.trim();
    }

    static DisableMode disableMode(String mode, String leavers) {
        if (mode == null || mode.isBlank()) {
            return null;
        }
        String value = mode.trim();
        if (value.equalsIgnoreCase("AccountControl")) {
            return new DisableMode.AccountControl();
        }
        if (value.equalsIgnoreCase("PasswordPolicyLock")) {
            return DisableMode.passwordPolicyLock();
        }
        if (value.equalsIgnoreCase("MoveToLeavers")) {
            if (leavers == null || leavers.isBlank()) {
                throw new IllegalArgumentException("DisableMode MoveToLeavers needs the secret LeaversContainer");
            }
            try {
                return new DisableMode.MoveTo(leavers.trim());
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("LeaversContainer '" + leavers + "' is not a DN", e);
            }
        }
        int equals = value.indexOf('=');
        if (equals > 0 && equals < value.length() - 1) {
            return new DisableMode.SetAttribute(value.substring(0, equals).trim(), value.substring(equals + 1).trim());
        }
        throw new IllegalArgumentException("DisableMode '" + mode + "' is not AccountControl, PasswordPolicyLock, "
                + "MoveToLeavers or attribute=value");
    }
}

package org.opensync.connectors.ldap.export;

import java.util.Objects;

/** How an account is disabled instead of deleted (soft delete, out of scope, {@code active = false}). */
public sealed interface DisableMode {

    /** Active Directory: the ACCOUNTDISABLE bit (2) of {@code userAccountControl}, other bits kept. */
    record AccountControl() implements DisableMode {
    }

    /**
      * A directory-specific marker, set to disable and removed to enable, e.g. OpenLDAP's password policy
      * {@code pwdAccountLockedTime=000001010000Z} (locked until an administrator unlocks it).
      */
    record SetAttribute(String attribute, String value) implements DisableMode {
        public SetAttribute {
            Objects.requireNonNull(attribute, "attribute");
            Objects.requireNonNull(value, "value");
        }
    }

    /**
      * Moved below a leavers container, keeping its RDN; enabling it again is the next update moving it back to the DN
      * the mapping computes.
      */
    record MoveTo(String containerDn) implements DisableMode {
        public MoveTo {
            TargetDns.parse(containerDn);
        }
    }

    static DisableMode passwordPolicyLock() {
        return new SetAttribute("pwdAccountLockedTime", "000001010000Z");
    }
}

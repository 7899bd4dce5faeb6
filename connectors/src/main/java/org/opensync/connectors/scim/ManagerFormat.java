package org.opensync.connectors.scim;

import java.util.Locale;

/**
  * How a PATCH carries the enterprise {@code manager} reference. Chosen per target with the tenant-URL flag
  * {@code opensyncManager=string|complex|path}: targets differ, and one refused manager must not hold back a user's
  * other changes.
  */
public enum ManagerFormat {
    /** {@code "value":"<managerId>"}: what the live Entra service sends, and what Entra-built targets expect. */
    PLAIN_STRING("string"),
    /** {@code "value":{"value":"<managerId>"}}: the RFC 7643 complex type. */
    COMPLEX("complex"),
    /** {@code "path":"urn:…:User:manager.value","value":"<managerId>"}: the sub-attribute path. */
    PATH("path");

    private final String flagValue;

    ManagerFormat(String flagValue) {
        this.flagValue = flagValue;
    }

    public String flagValue() {
        return flagValue;
    }

    static ManagerFormat ofFlag(String value) {
        for (ManagerFormat format : values()) {
            if (format.flagValue.equals(value.toLowerCase(Locale.ROOT))) {
                return format;
            }
        }
        throw new IllegalArgumentException("opensyncManager must be string, complex or path, not '" + value + "'");
    }
}

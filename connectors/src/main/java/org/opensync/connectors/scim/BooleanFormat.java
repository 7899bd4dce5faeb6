package org.opensync.connectors.scim;

import java.util.Locale;

/**
  * How a PATCH carries boolean values such as {@code active}. The PATCH dialect decides by default (legacy: strings,
  * compliant: JSON booleans); the tenant-URL flag {@code opensyncBooleans=string|json} overrides it for targets that
  * take one dialect's operations but the other's booleans.
  */
public enum BooleanFormat {
    /** {@code "True"} / {@code "False"}. */
    STRING,
    /** {@code true} / {@code false}. */
    JSON;

    static BooleanFormat ofFlag(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "string" -> STRING;
            case "json" -> JSON;
            default -> throw new IllegalArgumentException("opensyncBooleans must be string or json, not '" + value
                    + "'");
        };
    }

    static BooleanFormat defaultFor(PatchMode mode) {
        return mode == PatchMode.COMPLIANT ? JSON : STRING;
    }
}

package org.opensync.connectors.scim;

/** How a PATCH carries the enterprise {@code manager} reference. */
public enum ManagerFormat {
    /** {@code "value":"<managerId>"}: what the live Entra service sends, and what Entra-built targets expect. */
    PLAIN_STRING,
    /** {@code "value":{"value":"<managerId>"}}: the RFC 7643 complex type. */
    COMPLEX
}

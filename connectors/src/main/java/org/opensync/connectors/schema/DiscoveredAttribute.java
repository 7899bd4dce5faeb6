package org.opensync.connectors.schema;

import java.util.Objects;

/**
 * An attribute as a connected system describes it, in the terms of Graph's attributeDefinition.
 *
 * @param name        as the connector addresses it (SCIM: {@code name.givenName}, {@code emails[type eq "work"].value},
 *                    extension attributes prefixed with their schema URN)
 * @param type        what values it holds
 * @param multivalued whether it holds several values
 * @param required    whether the system demands a value (LDAP MUST, SCIM required)
 * @param caseExact   whether the system compares values case-sensitively
 * @param mutability  Graph's mutability: {@code ReadWrite}, {@code ReadOnly}, {@code Immutable} or {@code WriteOnly}
 */
public record DiscoveredAttribute(String name, AttributeType type, boolean multivalued, boolean required,
                                  boolean caseExact, String mutability) {

    public DiscoveredAttribute {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(mutability, "mutability");
    }
}

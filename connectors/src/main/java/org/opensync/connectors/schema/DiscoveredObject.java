package org.opensync.connectors.schema;

import java.util.List;
import java.util.Objects;

/**
 * An object type of a connected system with the attributes it can have, as read from the system's own schema
 * (LDAP subschema subentry, SCIM /Schemas and /ResourceTypes).
 *
 * @param name the name the job's schema knows the object by ({@code User}, {@code Group})
 */
public record DiscoveredObject(String name, List<DiscoveredAttribute> attributes) {

    public DiscoveredObject {
        Objects.requireNonNull(name, "name");
        attributes = List.copyOf(attributes);
    }
}

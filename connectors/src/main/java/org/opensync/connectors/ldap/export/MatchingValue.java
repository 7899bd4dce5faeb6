package org.opensync.connectors.ldap.export;

import java.util.Objects;

/** A matching attribute of the target and the value the mapping computed for it, tried in the order given. */
public record MatchingValue(String attribute, String value) {
    public MatchingValue {
        Objects.requireNonNull(attribute, "attribute");
    }
}

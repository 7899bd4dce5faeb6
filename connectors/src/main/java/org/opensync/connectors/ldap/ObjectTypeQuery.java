package org.opensync.connectors.ldap;

import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPException;

import java.util.Objects;
import java.util.Set;

/**
  * One object type to read, e.g. {@code new ObjectTypeQuery("User", "(objectClass=inetOrgPerson)",
  * Set.of("uid", "mail"), "ou=people")}.
  *
  * @param searchBase null to search from the base DN; otherwise a DN at or below it, or one relative to it
  *                   ({@code "ou=people"})
  */
public record ObjectTypeQuery(String typeName, String filter, Set<String> attributes, String searchBase) {

    public ObjectTypeQuery {
        Objects.requireNonNull(typeName, "typeName");
        Objects.requireNonNull(filter, "filter");
        attributes = Set.copyOf(attributes);
        try {
            Filter.create(filter);
        } catch (LDAPException e) {
            throw new IllegalArgumentException("invalid LDAP filter for " + typeName + ": " + filter, e);
        }
    }

    public ObjectTypeQuery(String typeName, String filter, Set<String> attributes) {
        this(typeName, filter, attributes, null);
    }

    Filter parsedFilter() {
        try {
            return Filter.create(filter);
        } catch (LDAPException e) {
            throw new IllegalStateException("validated in the constructor", e);
        }
    }
}

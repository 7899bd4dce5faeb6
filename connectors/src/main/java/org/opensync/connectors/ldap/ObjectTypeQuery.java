package org.opensync.connectors.ldap;

import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPException;

import java.util.ArrayList;
import java.util.List;
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

    private static final String OBJECT_CLASS = "objectClass";

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

    /**
      * {@code (objectClass=a)}, {@code (|(objectClass=a)(objectClass=b))}, with {@code (!(objectClass=x))} terms
      * ANDed for excluded classes. Built from filter objects, which escape every value (RFC 4515): a class name such
      * as {@code person)(uid=*} matches only a class of that literal name.
      */
    public static String objectClassFilter(List<String> classes, List<String> excludedClasses) {
        if (classes.isEmpty()) {
            throw new IllegalArgumentException("at least one object class is required");
        }
        List<Filter> any = classes.stream().map(c -> Filter.createEqualityFilter(OBJECT_CLASS, c)).toList();
        Filter filter = any.size() == 1 ? any.get(0) : Filter.createORFilter(any);
        if (excludedClasses.isEmpty()) {
            return filter.toString();
        }
        List<Filter> all = new ArrayList<>(List.of(filter));
        excludedClasses.forEach(c -> all.add(Filter.createNOTFilter(Filter.createEqualityFilter(OBJECT_CLASS, c))));
        return Filter.createANDFilter(all).toString();
    }

    Filter parsedFilter() {
        try {
            return Filter.create(filter);
        } catch (LDAPException e) {
            throw new IllegalStateException("validated in the constructor", e);
        }
    }
}

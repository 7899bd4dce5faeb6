package org.opensync.connectors.ldap;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
  * One object read from the directory.
  *
  * @param anchor     the immutable identity: entryUUID, or on Active Directory the objectGUID as a standard UUID string
  * @param attributes values by attribute name, looked up case-insensitively (LDAP names are); binary values are
  *                   base64, objectGUID is a UUID string
  */
public record SourceEntry(String type, String anchor, String dn, Map<String, List<String>> attributes) {

    public SourceEntry {
        TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        attributes.forEach((name, values) -> copy.put(name, List.copyOf(values)));
        attributes = Collections.unmodifiableMap(copy);
    }

    /** All values of {@code attribute}; empty when absent. */
    public List<String> values(String attribute) {
        return attributes.getOrDefault(attribute, List.of());
    }

    /** The first value of {@code attribute}, or null. */
    public String value(String attribute) {
        List<String> values = values(attribute);
        return values.isEmpty() ? null : values.get(0);
    }
}

package org.opensync.connectors.ldap.export;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Entry;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
  * A target entry's current image: its DN and the values of the attributes read, by attribute name in any case.
  * Attributes the entry does not have are absent.
  */
public record TargetEntry(String dn, Map<String, List<String>> attributes) {

    public TargetEntry {
        TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        attributes.forEach((name, values) -> copy.put(name, List.copyOf(values)));
        attributes = Collections.unmodifiableMap(copy);
    }

    static TargetEntry of(Entry entry) {
        TreeMap<String, List<String>> attributes = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (Attribute attribute : entry.getAttributes()) {
            attributes.put(attribute.getBaseName(), List.of(attribute.getValues()));
        }
        return new TargetEntry(entry.getDN(), attributes);
    }

    /** The values of an attribute, empty when the entry has none. */
    public List<String> values(String attribute) {
        return attributes.getOrDefault(attribute, List.of());
    }
}

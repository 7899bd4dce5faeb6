package org.opensync.connectors.ldap.export;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
  * The modifications that turn a target entry's current values into the desired ones, for the changed attributes
  * only: a single value is replaced, an emptied attribute deleted, a multi-valued one gets the missing values added and
  * the surplus ones deleted (other writers' concurrent changes to the rest survive).
  */
final class AttributeChanges {

    private AttributeChanges() {
    }

    /**
      * @param desired   attribute → values the mapping computed; an empty list clears the attribute, an attribute not
      *                  listed is left alone
      * @param skipped   attributes not to touch, e.g. the naming attribute (changed by a rename, not a modify)
      * @param dnValued  attributes compared as DNs
      */
    static List<Modification> between(TargetEntry current, Map<String, List<String>> desired, Set<String> skipped,
                                      Set<String> dnValued) {
        List<Modification> modifications = new ArrayList<>();
        desired.forEach((attribute, wanted) -> {
            if (skipped.stream().anyMatch(attribute::equalsIgnoreCase)) {
                return;
            }
            boolean dn = dnValued.contains(attribute);
            Map<String, String> have = keyed(current.values(attribute), dn);
            Map<String, String> want = keyed(wanted, dn);
            if (have.keySet().equals(want.keySet())) {
                return;
            }
            if (want.isEmpty()) {
                modifications.add(new Modification(ModificationType.DELETE, attribute));
            } else if (want.size() == 1 || have.isEmpty()) {
                modifications.add(new Modification(ModificationType.REPLACE, attribute, values(want)));
            } else {
                Map<String, String> surplus = new LinkedHashMap<>(have);
                surplus.keySet().removeAll(want.keySet());
                Map<String, String> missing = new LinkedHashMap<>(want);
                missing.keySet().removeAll(have.keySet());
                if (!surplus.isEmpty()) {
                    modifications.add(new Modification(ModificationType.DELETE, attribute, values(surplus)));
                }
                if (!missing.isEmpty()) {
                    modifications.add(new Modification(ModificationType.ADD, attribute, values(missing)));
                }
            }
        });
        return modifications;
    }

    /** Values by comparison key, in order, duplicates dropped. */
    private static Map<String, String> keyed(List<String> values, boolean dn) {
        Map<String, String> keyed = new LinkedHashMap<>();
        for (String value : values) {
            keyed.putIfAbsent(dn ? normalizedDn(value) : value, value);
        }
        return keyed;
    }

    private static String normalizedDn(String value) {
        try {
            return DN.normalize(value);
        } catch (LDAPException e) {
            // Not a DN after all: the directory will say so when it is written.
            return value.toLowerCase(Locale.ROOT);
        }
    }

    private static String[] values(Map<String, String> keyed) {
        return keyed.values().toArray(String[]::new);
    }
}

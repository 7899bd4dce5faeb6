package org.opensync.mapping.apply;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.opensync.mapping.value.Value;

/** Change detection against the target's current values. */
final class TargetValues {
    private TargetValues() {
    }

    /** Same values, in any order for multi-valued attributes; case matters only for caseExact targets. */
    static boolean same(Value computed, Value current, boolean caseExact) {
        if (computed.size() != current.size()) {
            return false;
        }
        if (!computed.isMultiValued()) {
            return computed.isNull() || equal(computed.text(), current.text(), caseExact);
        }
        return folded(computed.strings(), caseExact).equals(folded(current.strings(), caseExact));
    }

    /** Values of {@code computed} that {@code current} lacks. */
    static Value missingFrom(Value computed, Value current, boolean caseExact) {
        Set<String> present = folded(current.strings(), caseExact);
        List<String> additions = computed.strings().stream()
                .filter(value -> !present.contains(caseExact ? value : fold(value))).toList();
        return Value.of(additions);
    }

    /** Exact equality first: it is the common case and much cheaper than a case-insensitive scan. */
    private static boolean equal(String a, String b, boolean caseExact) {
        return a.equals(b) || !caseExact && a.equalsIgnoreCase(b);
    }

    private static Set<String> folded(List<String> values, boolean caseExact) {
        Set<String> set = new HashSet<>();
        values.forEach(value -> set.add(caseExact ? value : fold(value)));
        return set;
    }

    private static String fold(String value) {
        return value.toLowerCase(Locale.ROOT);
    }
}

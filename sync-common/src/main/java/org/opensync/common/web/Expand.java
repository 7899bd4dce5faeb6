package org.opensync.common.web;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code $expand}: the navigation properties a client wants inlined. Only the names a route can inline are accepted
 * (case-insensitively, as Graph does); anything else, nested options included, is a 400 that names what was refused
 * rather than an answer silently without it.
 */
public final class Expand {
    private Expand() {
    }

    /** The expanded properties, spelled as in {@code expandable}; empty when the option is absent. */
    public static Set<String> parse(String expand, Set<String> expandable, String collection) {
        Set<String> expanded = new LinkedHashSet<>();
        if (expand == null || expand.isBlank()) {
            return expanded;
        }
        List<String> refused = new ArrayList<>();
        for (String item : expand.split(",")) {
            String name = item.trim();
            expandable.stream().filter(known -> known.toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT)))
                    .findFirst().ifPresentOrElse(expanded::add, () -> refused.add(name));
        }
        if (!refused.isEmpty()) {
            throw new GraphException(400, ErrorCode.UNSUPPORTED_QUERY, "Unsupported $expand on " + collection + ": '"
                    + String.join("', '", refused) + "'; expandable: " + String.join(", ", expandable) + ".",
                    "$expand");
        }
        return expanded;
    }
}

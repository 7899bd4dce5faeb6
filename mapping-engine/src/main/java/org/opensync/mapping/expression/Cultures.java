package org.opensync.mapping.expression;

import java.util.IllformedLocaleException;
import java.util.Locale;

/** RFC 4646 culture names for ToLower/ToUpper; empty or absent means the invariant culture. */
final class Cultures {
    private Cultures() {
    }

    static Locale resolve(String name) {
        if (name == null || name.isBlank()) {
            return Locale.ROOT;
        }
        try {
            return new Locale.Builder().setLanguageTag(name.strip()).build();
        } catch (IllformedLocaleException e) {
            throw new IllegalArgumentException("'" + name + "' is not a valid culture name");
        }
    }
}

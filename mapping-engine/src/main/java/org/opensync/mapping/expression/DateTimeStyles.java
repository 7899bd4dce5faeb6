package org.opensync.mapping.expression;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** The members of .NET {@code System.Globalization.DateTimeStyles} that FormatDateTime accepts. */
enum DateTimeStyles {
    None, AllowLeadingWhite, AllowTrailingWhite, AllowInnerWhite, AllowWhiteSpaces, NoCurrentDateDefault,
    AdjustToUniversal, AssumeLocal, AssumeUniversal, RoundtripKind;

    /** FREF: an empty dateTimeStyles argument means these. */
    static final Set<DateTimeStyles> DEFAULT = EnumSet.of(RoundtripKind, AllowLeadingWhite, AllowTrailingWhite);

    /** Comma-separated member names, any case; empty means {@link #DEFAULT}. Invalid combinations fail as in .NET. */
    static Set<DateTimeStyles> parse(String text) {
        if (text == null || text.isBlank()) {
            return DEFAULT;
        }
        EnumSet<DateTimeStyles> styles = EnumSet.noneOf(DateTimeStyles.class);
        for (String part : text.split(",")) {
            String name = part.strip().toLowerCase(Locale.ROOT);
            styles.add(EnumSet.allOf(DateTimeStyles.class).stream()
                    .filter(style -> style.name().toLowerCase(Locale.ROOT).equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("'" + part.strip()
                            + "' is not a DateTimeStyles member; use " + EnumSet.allOf(DateTimeStyles.class))));
        }
        if (styles.remove(AllowWhiteSpaces)) {
            styles.addAll(EnumSet.of(AllowLeadingWhite, AllowTrailingWhite, AllowInnerWhite));
        }
        boolean assumes = styles.contains(AssumeLocal) || styles.contains(AssumeUniversal);
        if (styles.contains(AssumeLocal) && styles.contains(AssumeUniversal)
                || styles.contains(RoundtripKind) && (assumes || styles.contains(AdjustToUniversal))) {
            throw new IllegalArgumentException("DateTimeStyles " + styles + " cannot be combined");
        }
        return styles;
    }
}

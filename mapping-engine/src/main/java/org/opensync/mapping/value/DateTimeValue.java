package org.opensync.mapping.value;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/** A UTC date-time; renders as {@code M/d/yyyy h:mm:ss tt} (en-US), the reference service's string form. */
public record DateTimeValue(LocalDateTime utc) implements Value {
    private static final DateTimeFormatter RENDERING = DateTimeFormatter.ofPattern("M/d/yyyy h:mm:ss a", Locale.US);

    public DateTimeValue {
        Objects.requireNonNull(utc, "utc");
    }

    @Override
    public String text() {
        return RENDERING.format(utc);
    }

    @Override
    public List<String> strings() {
        return List.of(text());
    }
}

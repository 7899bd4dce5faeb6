package org.opensync.mapping.value;

import java.util.List;

/** A 64-bit integer (AD FILETIME values exceed 32 bits); renders in invariant decimal. */
public record IntegerValue(long value) implements Value {
    @Override
    public String text() {
        return Long.toString(value);
    }

    @Override
    public List<String> strings() {
        return List.of(text());
    }
}

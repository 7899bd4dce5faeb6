package org.opensync.mapping.value;

import java.util.List;
import java.util.Objects;

/** A single string value (also used for references, whose text is the DN or id). */
public record TextValue(String text) implements Value {
    public TextValue {
        Objects.requireNonNull(text, "text");
    }

    @Override
    public boolean isNullOrEmpty() {
        return text.isEmpty();
    }

    @Override
    public List<String> strings() {
        return List.of(text);
    }
}

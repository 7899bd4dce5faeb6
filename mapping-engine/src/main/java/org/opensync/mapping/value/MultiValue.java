package org.opensync.mapping.value;

import java.util.List;

/** Two or more ordered string values; create through {@link Value#of} so single values stay single. */
public record MultiValue(List<String> strings) implements Value {
    public MultiValue {
        strings = List.copyOf(strings);
        if (strings.size() < 2) {
            throw new IllegalArgumentException("a multi-value needs at least two values; use Value.of");
        }
    }

    @Override
    public boolean isMultiValued() {
        return true;
    }

    @Override
    public int size() {
        return strings.size();
    }

    @Override
    public String text() {
        throw new IllegalStateException("a multi-valued value has no single text rendering");
    }
}

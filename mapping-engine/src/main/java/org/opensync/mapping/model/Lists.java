package org.opensync.mapping.model;

import java.util.List;

/** Normalises record collection components: absent collections become empty, and copies are immutable. */
final class Lists {
    private Lists() {
    }

    static <T> List<T> copy(List<T> list) {
        if (list == null) {
            return List.of();
        }
        for (T element : list) {
            if (element == null) {
                throw new IllegalArgumentException("collections must not contain null elements");
            }
        }
        return List.copyOf(list);
    }
}

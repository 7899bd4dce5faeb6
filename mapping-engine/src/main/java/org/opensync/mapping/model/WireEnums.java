package org.opensync.mapping.model;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Case-insensitive lookup of enum members by their wire spelling (the constant name). */
final class WireEnums {
    private WireEnums() {
    }

    static <E extends Enum<E>> E parse(Class<E> type, String text) {
        if (text == null) {
            return null;
        }
        String wanted = text.trim();
        for (E member : type.getEnumConstants()) {
            if (member.name().equalsIgnoreCase(wanted)) {
                return member;
            }
        }
        throw new IllegalArgumentException("'" + text + "' is not a member of " + type.getSimpleName()
                + "; expected one of " + Arrays.stream(type.getEnumConstants()).map(Enum::name)
                        .collect(Collectors.joining(", ")));
    }
}

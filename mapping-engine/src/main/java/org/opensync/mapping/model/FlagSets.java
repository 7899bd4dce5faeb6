package org.opensync.mapping.model;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.StringJoiner;

/**
 * Conversions for Graph flag enums. Output is comma-joined without spaces because the Go SDK
 * splits on {@code ,} without trimming; input tolerates spaces, any order and any case.
 */
public final class FlagSets {
    private static final String NONE = "None";

    private FlagSets() {
    }

    public static <E extends Enum<E>> Set<E> parse(Class<E> type, String text) {
        EnumSet<E> members = EnumSet.noneOf(type);
        if (text != null) {
            for (String part : text.split(",")) {
                if (!part.isBlank() && !part.trim().equalsIgnoreCase(NONE)) {
                    members.add(WireEnums.parse(type, part));
                }
            }
        }
        return Collections.unmodifiableSet(members);
    }

    public static String format(Set<? extends Enum<?>> members) {
        StringJoiner joined = new StringJoiner(",");
        members.stream().sorted().forEach(member -> joined.add(member.name()));
        return members.isEmpty() ? NONE : joined.toString();
    }

    /** Immutable copy in declaration order without the {@code None} member; {@code null} yields {@code fallback}. */
    static <E extends Enum<E>> Set<E> copy(Class<E> type, Set<E> members, Set<E> fallback) {
        if (members == null) {
            return fallback;
        }
        EnumSet<E> copy = EnumSet.noneOf(type);
        members.stream().filter(member -> !member.name().equals(NONE)).forEach(copy::add);
        return Collections.unmodifiableSet(copy);
    }
}

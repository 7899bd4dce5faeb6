package org.opensync.common.events;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Members of the Graph flag enum {@code synchronizationJobRestartScope}, in declaration order. */
public enum RestartScope {
    None, ConnectorDataStore, Escrows, Watermark, QuarantineState, Full, ForceDeletes;

    /** What an empty or absent resetScope means: the portal's "Restart provisioning". */
    public static final Set<RestartScope> PORTAL_RESTART = Set.of(QuarantineState, Watermark, Escrows);

    /**
     * Parses a comma-separated flag list, case-insensitively and tolerant of spaces.
     *
     * @throws IllegalArgumentException naming the first unknown member
     */
    public static Set<RestartScope> parseFlags(String text) {
        if (text == null || text.isBlank()) {
            return EnumSet.copyOf(PORTAL_RESTART);
        }
        EnumSet<RestartScope> flags = EnumSet.noneOf(RestartScope.class);
        for (String part : text.split(",")) {
            String name = part.trim();
            flags.add(byName(name).orElseThrow(() -> new IllegalArgumentException(
                    "'" + name + "' is not a member of synchronizationJobRestartScope; expected a comma-separated list of "
                            + Arrays.toString(values()))));
        }
        return flags;
    }

    /** Serialises flags the way every Graph SDK can parse them: declaration order, no spaces. */
    public static String format(Set<RestartScope> flags) {
        return flags.stream().sorted().map(Enum::name).collect(Collectors.joining(","));
    }

    /** Whether the next cycle must re-read every source object. */
    public static boolean clearsWatermark(Set<RestartScope> flags) {
        return flags.contains(Watermark) || flags.contains(Full);
    }

    /** Whether the job leaves quarantine: {@code None} is a start, which lifts it, as do QuarantineState and Full. */
    public static boolean liftsQuarantine(Set<RestartScope> flags) {
        return flags.contains(None) || flags.contains(QuarantineState) || flags.contains(Full);
    }

    private static Optional<RestartScope> byName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(v -> v.name().toLowerCase(Locale.ROOT).equals(lower)).findFirst();
    }
}

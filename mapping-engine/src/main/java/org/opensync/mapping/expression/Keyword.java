package org.opensync.mapping.expression;

import java.util.Arrays;
import java.util.Optional;

/** Bare identifiers the language knows; spelled exactly, case-sensitively. */
enum Keyword {
    vbTextCompare, vbBinaryCompare, Unicode, ASCII, UTF8, IgnoreAttributeFlow, IgnoreObjectFlow;

    static Optional<Keyword> lookup(String identifier) {
        return Arrays.stream(values()).filter(k -> k.name().equals(identifier)).findFirst();
    }
}

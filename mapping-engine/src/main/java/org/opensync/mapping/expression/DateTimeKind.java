package org.opensync.mapping.expression;

/** .NET DateTimeKind; the engine's local time zone is UTC, so it only changes how {@code K} renders. */
enum DateTimeKind {
    UNSPECIFIED, UTC, LOCAL
}

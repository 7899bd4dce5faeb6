package org.opensync.mapping.expression;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDateTime;

/** .NET DateTime range and AD FILETIME conversions (100-ns ticks since 1601-01-01 UTC). */
final class DotNetDates {
    static final LocalDateTime MIN = LocalDateTime.of(1, 1, 1, 0, 0);
    static final LocalDateTime MAX = LocalDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_900);
    private static final LocalDateTime FILETIME_EPOCH = LocalDateTime.of(1601, 1, 1, 0, 0);
    private static final long TICKS_PER_SECOND = 10_000_000L;

    private DotNetDates() {
    }

    static LocalDateTime requireInRange(LocalDateTime value) {
        if (value.isBefore(MIN) || value.isAfter(MAX)) {
            throw new DateTimeException(value + " is outside the DateTime range 0001-01-01..9999-12-31");
        }
        return value;
    }

    static LocalDateTime fromFileTime(long ticks) {
        if (ticks < 0) {
            throw new DateTimeException("negative file time " + ticks);
        }
        LocalDateTime value = FILETIME_EPOCH.plusSeconds(ticks / TICKS_PER_SECOND)
                .plusNanos(ticks % TICKS_PER_SECOND * 100);
        return requireInRange(value);
    }

    static long toFileTime(LocalDateTime utc) {
        if (utc.isBefore(FILETIME_EPOCH)) {
            throw new DateTimeException(utc + " is before 1601-01-01, the start of AD file time");
        }
        Duration elapsed = Duration.between(FILETIME_EPOCH, requireInRange(utc));
        return elapsed.getSeconds() * TICKS_PER_SECOND + elapsed.getNano() / 100;
    }
}

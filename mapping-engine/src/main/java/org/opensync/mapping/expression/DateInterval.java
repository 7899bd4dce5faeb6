package org.opensync.mapping.expression;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Locale;

/** Interval codes of DateAdd and DateDiff. */
enum DateInterval {
    YEAR("yyyy"), MONTH("m"), DAY("d"), WEEK("ww"), HOUR("h"), MINUTE("n"), SECOND("s");

    private final String code;

    DateInterval(String code) {
        this.code = code;
    }

    /** Codes are case-insensitive as in VBA. */
    static DateInterval parse(String code) {
        String wanted = code == null ? "" : code.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(interval -> interval.code.equals(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("'" + code
                        + "' is not an interval; use yyyy, m, d, ww, h, n or s"));
    }

    /** Month and year arithmetic clamp to the month's end, like .NET AddMonths. */
    LocalDateTime add(LocalDateTime value, long amount) {
        return switch (this) {
            case YEAR -> value.plusYears(amount);
            case MONTH -> value.plusMonths(amount);
            case DAY -> value.plusDays(amount);
            case WEEK -> value.plusWeeks(amount);
            case HOUR -> value.plusHours(amount);
            case MINUTE -> value.plusMinutes(amount);
            case SECOND -> value.plusSeconds(amount);
        };
    }

    /**
     * {@code to - from}: calendar boundaries crossed for years, months, days and (Sunday-started) weeks, as VBA
     * DateDiff counts; whole elapsed units for hours, minutes and seconds.
     */
    long between(LocalDateTime from, LocalDateTime to) {
        return switch (this) {
            case YEAR -> to.getYear() - from.getYear();
            case MONTH -> (to.getYear() * 12L + to.getMonthValue()) - (from.getYear() * 12L + from.getMonthValue());
            case DAY -> ChronoUnit.DAYS.between(from.toLocalDate(), to.toLocalDate());
            case WEEK -> ChronoUnit.DAYS.between(sundayOnOrBefore(from), sundayOnOrBefore(to)) / 7;
            case HOUR -> ChronoUnit.HOURS.between(from, to);
            case MINUTE -> ChronoUnit.MINUTES.between(from, to);
            case SECOND -> ChronoUnit.SECONDS.between(from, to);
        };
    }

    private static LocalDate sundayOnOrBefore(LocalDateTime value) {
        return value.toLocalDate().minusDays(value.getDayOfWeek().getValue() % DayOfWeek.SUNDAY.getValue());
    }
}

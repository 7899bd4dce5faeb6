package org.opensync.mapping.expression;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lenient date-time parsing for CDate and date arguments: ISO 8601 dates and date-times with or
 * without offset (also the Workday form {@code 2020-03-16-07:00}), and US {@code M/d/yyyy h:mm:ss tt} (the engine's own
 * rendering, and SuccessFactors'). Offsets are honoured and results converted to UTC; text without offset is UTC, as
 * the engine runs in UTC. Results must fit .NET's DateTime range (years 1–9999).
 */
final class DateParsing {
    private static final String TIME = "(?:[T ]\\s*(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,](\\d{1,9}))?)?\\s*(AM|PM|am|pm)?)?";
    private static final String OFFSET = "\\s*(Z|z|[+-]\\d{2}(?::?\\d{2})?)?";
    private static final Pattern ISO = Pattern.compile(
            "\\s*(\\d{4})[-/](\\d{1,2})[-/](\\d{1,2})" + TIME + OFFSET + "\\s*");
    private static final Pattern US = Pattern.compile(
            "\\s*(\\d{1,2})/(\\d{1,2})/(\\d{4})" + TIME.replace("[T ]", "\\s") + OFFSET + "\\s*");
    private static final int LONGEST_SENSIBLE_INPUT = 64;

    private DateParsing() {
    }

    static LocalDateTime toUtc(String text) {
        if (text.length() <= LONGEST_SENSIBLE_INPUT) {
            Matcher iso = ISO.matcher(text);
            if (iso.matches()) {
                return build(text, iso, 1, 2, 3);
            }
            Matcher us = US.matcher(text);
            if (us.matches()) {
                return build(text, us, 3, 1, 2);
            }
        }
        throw new IllegalArgumentException("'" + text + "' is not a recognised date/time");
    }

    private static LocalDateTime build(String text, Matcher m, int yearGroup, int monthGroup, int dayGroup) {
        try {
            int hour = m.group(4) == null ? 0 : Integer.parseInt(m.group(4));
            String meridiem = m.group(8);
            if (meridiem != null) {
                if (hour < 1 || hour > 12) {
                    throw new DateTimeException("hour " + hour + " with " + meridiem);
                }
                hour = hour % 12 + (meridiem.equalsIgnoreCase("PM") ? 12 : 0);
            }
            LocalDateTime local = LocalDateTime.of(
                    Integer.parseInt(m.group(yearGroup)), Integer.parseInt(m.group(monthGroup)),
                    Integer.parseInt(m.group(dayGroup)), hour,
                    m.group(5) == null ? 0 : Integer.parseInt(m.group(5)),
                    m.group(6) == null ? 0 : Integer.parseInt(m.group(6)),
                    m.group(7) == null ? 0 : Integer.parseInt((m.group(7) + "000000000").substring(0, 9)));
            LocalDateTime utc = local.minusSeconds(offsetSeconds(m.group(9)));
            return DotNetDates.requireInRange(utc);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("'" + text + "' is not a valid date/time (" + e.getMessage() + ")");
        }
    }

    private static long offsetSeconds(String offset) {
        if (offset == null || offset.equalsIgnoreCase("Z")) {
            return 0;
        }
        String digits = offset.substring(1).replace(":", "");
        int hours = Integer.parseInt(digits.substring(0, 2));
        int minutes = digits.length() > 2 ? Integer.parseInt(digits.substring(2)) : 0;
        if (hours > 14 || minutes > 59) {
            throw new DateTimeException("offset " + offset + " out of range");
        }
        long seconds = hours * 3600L + minutes * 60L;
        return offset.charAt(0) == '-' ? -seconds : seconds;
    }
}

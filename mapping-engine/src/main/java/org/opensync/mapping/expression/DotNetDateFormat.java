package org.opensync.mapping.expression;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * .NET custom and standard date-time format strings with the invariant culture: formatting ({@code ToString}) and
 * exact parsing ({@code ParseExact}) as FormatDateTime needs them. The engine's local zone is UTC, so parsed offsets
 * are converted to UTC and only the {@link DateTimeKind} remembers how the value was written.
 */
final class DotNetDateFormat {
    private static final Locale INVARIANT_NAMES = Locale.US;
    private static final String FIELD_LETTERS = "dfFghHKmMstyz";
    private static final int TWO_DIGIT_YEAR_MAX = 2049;
    private static final Map<Character, String> STANDARD = Map.ofEntries(
            Map.entry('d', "MM/dd/yyyy"), Map.entry('D', "dddd, dd MMMM yyyy"),
            Map.entry('f', "dddd, dd MMMM yyyy HH:mm"), Map.entry('F', "dddd, dd MMMM yyyy HH:mm:ss"),
            Map.entry('g', "MM/dd/yyyy HH:mm"), Map.entry('G', "MM/dd/yyyy HH:mm:ss"),
            Map.entry('M', "MMMM dd"), Map.entry('m', "MMMM dd"),
            Map.entry('O', "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fffffffK"),
            Map.entry('o', "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fffffffK"),
            Map.entry('R', "ddd, dd MMM yyyy HH':'mm':'ss 'GMT'"), Map.entry('r', "ddd, dd MMM yyyy HH':'mm':'ss 'GMT'"),
            Map.entry('s', "yyyy'-'MM'-'dd'T'HH':'mm':'ss"), Map.entry('t', "HH:mm"), Map.entry('T', "HH:mm:ss"),
            Map.entry('u', "yyyy'-'MM'-'dd HH':'mm':'ss'Z'"), Map.entry('U', "dddd, dd MMMM yyyy HH:mm:ss"),
            Map.entry('Y', "yyyy MMMM"), Map.entry('y', "yyyy MMMM"));

    /** A format element: literal text, or a field letter repeated {@code count} times. */
    record Element(String literal, char letter, int count) {
        boolean isLiteral() {
            return literal != null;
        }
    }

    record Parsed(LocalDateTime utc, DateTimeKind kind) {
    }

    private DotNetDateFormat() {
    }

    static List<Element> compile(String format) {
        if (format == null || format.isEmpty()) {
            throw new IllegalArgumentException("the format string is empty");
        }
        String expanded = format.length() == 1 ? STANDARD.get(format.charAt(0)) : format;
        if (expanded == null) {
            throw new IllegalArgumentException("'" + format + "' is not a standard date/time format");
        }
        List<Element> elements = new ArrayList<>();
        int i = 0;
        while (i < expanded.length()) {
            char c = expanded.charAt(i);
            if (c == '\'' || c == '"') {
                int close = i + 1;
                StringBuilder literal = new StringBuilder();
                while (close < expanded.length() && expanded.charAt(close) != c) {
                    if (expanded.charAt(close) == '\\' && close + 1 < expanded.length()) {
                        close++;
                    }
                    literal.append(expanded.charAt(close++));
                }
                if (close >= expanded.length()) {
                    throw new IllegalArgumentException("unterminated quoted text in format '" + format + "'");
                }
                elements.add(new Element(literal.toString(), ' ', 0));
                i = close + 1;
            } else if (c == '\\' || c == '%') {
                if (i + 1 >= expanded.length()) {
                    throw new IllegalArgumentException("format '" + format + "' ends with '" + c + "'");
                }
                char next = expanded.charAt(i + 1);
                boolean field = c == '%' && FIELD_LETTERS.indexOf(next) >= 0;
                elements.add(field ? new Element(null, next, 1) : new Element(String.valueOf(next), ' ', 0));
                i += 2;
            } else if (FIELD_LETTERS.indexOf(c) >= 0) {
                int end = i;
                while (end < expanded.length() && expanded.charAt(end) == c) {
                    end++;
                }
                if ((c == 'f' || c == 'F') && end - i > 7) {
                    throw new IllegalArgumentException("at most 7 fraction digits in format '" + format + "'");
                }
                elements.add(new Element(null, c, end - i));
                i = end;
            } else {
                elements.add(c == 'Z' ? new Element(null, 'Z', 1) : new Element(String.valueOf(c), ' ', 0));
                i++;
            }
        }
        return List.copyOf(elements);
    }

    static String format(LocalDateTime value, DateTimeKind kind, List<Element> elements) {
        StringBuilder out = new StringBuilder();
        for (Element element : elements) {
            if (element.isLiteral()) {
                out.append(element.literal());
            } else {
                formatField(value, kind, element, out);
            }
        }
        return out.toString();
    }

    private static void formatField(LocalDateTime value, DateTimeKind kind, Element element, StringBuilder out) {
        int n = element.count();
        switch (element.letter()) {
            case 'd' -> {
                if (n <= 2) {
                    pad(out, value.getDayOfMonth(), n);
                } else {
                    out.append(value.getDayOfWeek().getDisplayName(n == 3 ? TextStyle.SHORT : TextStyle.FULL,
                            INVARIANT_NAMES));
                }
            }
            case 'M' -> {
                if (n <= 2) {
                    pad(out, value.getMonthValue(), n);
                } else {
                    out.append(value.getMonth().getDisplayName(n == 3 ? TextStyle.SHORT : TextStyle.FULL,
                            INVARIANT_NAMES));
                }
            }
            case 'y' -> pad(out, n <= 2 ? value.getYear() % 100 : value.getYear(), n);
            case 'h' -> pad(out, value.getHour() % 12 == 0 ? 12 : value.getHour() % 12, Math.min(n, 2));
            case 'H' -> pad(out, value.getHour(), Math.min(n, 2));
            case 'm' -> pad(out, value.getMinute(), Math.min(n, 2));
            case 's' -> pad(out, value.getSecond(), Math.min(n, 2));
            case 'f', 'F' -> fraction(value.getNano(), n, element.letter() == 'F', out);
            case 't' -> out.append(value.getHour() < 12 ? "AM" : "PM", 0, Math.min(n, 2));
            case 'g' -> out.append("A.D.");
            case 'z' -> out.append(n == 1 ? "+0" : n == 2 ? "+00" : "+00:00");
            case 'K' -> out.append(kind == DateTimeKind.UTC ? "Z" : kind == DateTimeKind.LOCAL ? "+00:00" : "");
            case 'Z' -> out.append('Z');
            default -> throw new IllegalStateException("unknown field " + element.letter());
        }
    }

    private static void pad(StringBuilder out, int number, int width) {
        String digits = Integer.toString(number);
        for (int i = digits.length(); i < width; i++) {
            out.append('0');
        }
        out.append(digits);
    }

    /** 'F' drops trailing zeros, and the decimal point before it when nothing remains (.NET). */
    private static void fraction(int nanos, int digits, boolean trimZeros, StringBuilder out) {
        String all = String.format("%09d", nanos).substring(0, digits);
        if (!trimZeros) {
            out.append(all);
            return;
        }
        String trimmed = all.replaceFirst("0+$", "");
        if (trimmed.isEmpty() && out.length() > 0 && out.charAt(out.length() - 1) == '.') {
            out.setLength(out.length() - 1);
        }
        out.append(trimmed);
    }

    static Parsed parse(String input, List<Element> elements, Set<DateTimeStyles> styles, LocalDate today) {
        return new ExactParser(input, styles).parse(elements, today);
    }

    /** One ParseExact run; fields are -1 until parsed. */
    private static final class ExactParser {
        private final String input;
        private final Set<DateTimeStyles> styles;
        private int pos;
        private int year = -1;
        private int month = -1;
        private int day = -1;
        private int hour = -1;
        private int hour12 = -1;
        private int minute;
        private int second;
        private int nanos;
        private int meridiem = -1;
        private DayOfWeek dayOfWeek;
        private Integer offsetSeconds;
        private boolean utcDesignator;

        ExactParser(String input, Set<DateTimeStyles> styles) {
            this.input = input;
            this.styles = styles;
        }

        Parsed parse(List<Element> elements, LocalDate today) {
            if (styles.contains(DateTimeStyles.AllowLeadingWhite)) {
                skipWhite();
            }
            for (Element element : elements) {
                if (element.isLiteral()) {
                    literal(element.literal());
                } else {
                    field(element);
                }
            }
            if (styles.contains(DateTimeStyles.AllowTrailingWhite)) {
                skipWhite();
            }
            if (pos != input.length()) {
                throw fail("unexpected '" + input.substring(pos) + "' after the date");
            }
            return build(today);
        }

        private void literal(String literal) {
            for (int k = 0; k < literal.length(); k++) {
                char expected = literal.charAt(k);
                if (Character.isWhitespace(expected) && styles.contains(DateTimeStyles.AllowInnerWhite)) {
                    skipWhite();
                } else if (pos < input.length() && input.charAt(pos) == expected) {
                    pos++;
                } else {
                    throw fail("expected '" + expected + "' at position " + pos);
                }
            }
        }

        private void field(Element element) {
            if (styles.contains(DateTimeStyles.AllowInnerWhite)) {
                skipWhite();
            }
            int n = element.count();
            switch (element.letter()) {
                case 'd' -> {
                    if (n <= 2) {
                        day = digits(n);
                    } else {
                        dayOfWeek = name(DayOfWeek.values(), n == 3 ? TextStyle.SHORT : TextStyle.FULL);
                    }
                }
                case 'M' -> month = n <= 2 ? digits(n) : name(Month.values(), n == 3 ? TextStyle.SHORT : TextStyle.FULL)
                        .getValue();
                case 'y' -> year = n <= 2 ? twoDigitYear(digits(n)) : digits(n);
                case 'h' -> hour12 = digits(Math.min(n, 2));
                case 'H' -> hour = digits(Math.min(n, 2));
                case 'm' -> minute = digits(Math.min(n, 2));
                case 's' -> second = digits(Math.min(n, 2));
                case 'f', 'F' -> nanos = fractionDigits(n, element.letter() == 'F');
                case 't' -> meridiem = meridiem(n);
                case 'g' -> era();
                case 'z' -> offsetSeconds = offset(n == 3);
                case 'K' -> kindDesignator();
                case 'Z' -> zulu();
                default -> throw new IllegalStateException("unknown field " + element.letter());
            }
        }

        private int digits(int count) {
            int min = count == 1 ? 1 : count;
            int max = count == 1 ? 2 : count;
            int start = pos;
            while (pos < input.length() && pos - start < max && isAsciiDigit(input.charAt(pos))) {
                pos++;
            }
            if (pos - start < min) {
                throw fail("expected " + (min == max ? min : min + "-" + max) + " digits at position " + start);
            }
            return Integer.parseInt(input.substring(start, pos));
        }

        private int fractionDigits(int count, boolean optional) {
            int start = pos;
            while (pos < input.length() && pos - start < count && isAsciiDigit(input.charAt(pos))) {
                pos++;
            }
            if (!optional && pos - start < count) {
                throw fail("expected " + count + " fraction digits at position " + start);
            }
            String digits = input.substring(start, pos);
            return digits.isEmpty() ? 0 : Integer.parseInt((digits + "000000000").substring(0, 9));
        }

        private <E extends Enum<E>> E name(E[] candidates, TextStyle style) {
            for (E candidate : candidates) {
                String text = candidate instanceof Month m ? m.getDisplayName(style, INVARIANT_NAMES)
                        : ((DayOfWeek) candidate).getDisplayName(style, INVARIANT_NAMES);
                if (input.regionMatches(true, pos, text, 0, text.length())) {
                    pos += text.length();
                    return candidate;
                }
            }
            throw fail("expected a " + (candidates[0] instanceof Month ? "month" : "day") + " name at position " + pos);
        }

        private int meridiem(int count) {
            for (String designator : new String[] {"AM", "PM"}) {
                String expected = designator.substring(0, Math.min(count, 2));
                if (input.regionMatches(true, pos, expected, 0, expected.length())) {
                    pos += expected.length();
                    return designator.equals("AM") ? 0 : 1;
                }
            }
            throw fail("expected AM or PM at position " + pos);
        }

        private void era() {
            for (String era : new String[] {"A.D.", "AD"}) {
                if (input.regionMatches(true, pos, era, 0, era.length())) {
                    pos += era.length();
                    return;
                }
            }
            throw fail("expected the era A.D. at position " + pos);
        }

        private int offset(boolean withMinutes) {
            if (pos >= input.length() || (input.charAt(pos) != '+' && input.charAt(pos) != '-')) {
                throw fail("expected a time zone offset at position " + pos);
            }
            int sign = input.charAt(pos++) == '-' ? -1 : 1;
            int hours = digits(1);
            int minutes = 0;
            if (withMinutes || (pos < input.length() && input.charAt(pos) == ':')) {
                literal(":");
                minutes = digits(2);
            }
            if (hours > 14 || minutes > 59) {
                throw fail("time zone offset out of range");
            }
            return sign * (hours * 3600 + minutes * 60);
        }

        private void kindDesignator() {
            if (pos < input.length() && (input.charAt(pos) == 'Z' || input.charAt(pos) == 'z')) {
                zulu();
            } else if (pos < input.length() && (input.charAt(pos) == '+' || input.charAt(pos) == '-')) {
                offsetSeconds = offset(true);
            }
        }

        /** An unquoted Z in a ParseExact format is .NET's UTC designator (it also accepts GMT). */
        private void zulu() {
            if (input.regionMatches(true, pos, "GMT", 0, 3)) {
                pos += 3;
            } else if (pos < input.length() && (input.charAt(pos) == 'Z' || input.charAt(pos) == 'z')) {
                pos++;
            } else {
                throw fail("expected Z at position " + pos);
            }
            utcDesignator = true;
            offsetSeconds = 0;
        }

        private Parsed build(LocalDate today) {
            resolveDefaults(today);
            int resolvedHour = resolveHour();
            try {
                LocalDateTime written = LocalDateTime.of(year, month, day, resolvedHour, minute, second, nanos);
                if (dayOfWeek != null && written.getDayOfWeek() != dayOfWeek) {
                    throw fail("the day name does not match the date");
                }
                long offset = offsetSeconds == null ? 0 : offsetSeconds;
                return new Parsed(DotNetDates.requireInRange(written.minusSeconds(offset)), kind());
            } catch (DateTimeException e) {
                throw fail(e.getMessage());
            }
        }

        private DateTimeKind kind() {
            if (offsetSeconds == null) {
                if (styles.contains(DateTimeStyles.AssumeUniversal)) {
                    return DateTimeKind.UTC;
                }
                return styles.contains(DateTimeStyles.AssumeLocal) ? DateTimeKind.LOCAL : DateTimeKind.UNSPECIFIED;
            }
            boolean keepsUtc = utcDesignator && styles.contains(DateTimeStyles.RoundtripKind);
            return styles.contains(DateTimeStyles.AdjustToUniversal) || keepsUtc ? DateTimeKind.UTC : DateTimeKind.LOCAL;
        }

        /** .NET fills missing date parts from today, or 0001-01-01 with NoCurrentDateDefault. */
        private void resolveDefaults(LocalDate today) {
            if (year != -1 && month != -1 && day != -1) {
                return;
            }
            if (month == -1 && day == -1) {
                if (year == -1) {
                    boolean noToday = styles.contains(DateTimeStyles.NoCurrentDateDefault);
                    year = noToday ? 1 : today.getYear();
                    month = noToday ? 1 : today.getMonthValue();
                    day = noToday ? 1 : today.getDayOfMonth();
                } else {
                    month = 1;
                    day = 1;
                }
                return;
            }
            year = year == -1 ? today.getYear() : year;
            month = month == -1 ? 1 : month;
            day = day == -1 ? 1 : day;
        }

        private int resolveHour() {
            if (hour12 != -1) {
                if (hour12 < 1 || hour12 > 12) {
                    throw fail("hour " + hour12 + " is not a 12-hour clock hour");
                }
                return hour12 % 12 + (meridiem == 1 ? 12 : 0);
            }
            int resolved = hour == -1 ? 0 : hour;
            if (meridiem == 1 && resolved < 12) {
                resolved += 12;
            }
            return resolved;
        }

        private static int twoDigitYear(int twoDigits) {
            int century = TWO_DIGIT_YEAR_MAX / 100 * 100;
            int candidate = century + twoDigits;
            return candidate > TWO_DIGIT_YEAR_MAX ? candidate - 100 : candidate;
        }

        private void skipWhite() {
            while (pos < input.length() && Character.isWhitespace(input.charAt(pos))) {
                pos++;
            }
        }

        private static boolean isAsciiDigit(char c) {
            return c >= '0' && c <= '9';
        }

        private IllegalArgumentException fail(String problem) {
            return new IllegalArgumentException("'" + input + "' does not match the input format: " + problem);
        }
    }
}

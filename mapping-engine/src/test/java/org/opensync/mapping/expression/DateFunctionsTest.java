package org.opensync.mapping.expression;

import static org.opensync.mapping.expression.ExpressionCases.error;
import static org.opensync.mapping.expression.ExpressionCases.row;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.opensync.mapping.value.ObjectImage;

/** Date functions; the clock is pinned to FREF's Now() example, 2021-07-02 15:33:38 UTC. */
class DateFunctionsTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                // CDate: FREF examples, own format, date-only, errors
                row("CDate(\"2020-03-16-07:00\")", "3/16/2020 7:00:00 AM"),
                row("CDate(\"2021-06-30+08:00\")", "6/29/2021 4:00:00 PM"),
                row("CDate(\"2009-06-15T01:45:30-07:00\")", "6/15/2009 8:45:30 AM"),
                row("CDate(\"7/2/2021 3:33:38 PM\")", "7/2/2021 3:33:38 PM"),
                row("CDate(\"12/31/2019 12:05:00 AM\")", "12/31/2019 12:05:00 AM"),
                row("CDate(\"2021-08-24\")", "8/24/2021 12:00:00 AM"),
                row("CDate(\"2021-08-24T10:00:00.5Z\")", "8/24/2021 10:00:00 AM"),
                row("CDate([d])", "1/15/2022 6:30:00 PM", "d", "2022-01-15 18:30"),
                row("CDate([missing])", null),
                row("CDate(\"\")", error("not a recognised date")),
                row("CDate(\"not a date\")", error("not a recognised date")),
                row("CDate(\"2021-02-30\")", error("not a valid date")),
                row("CDate(\"13/2/2021 3:00:00 PM\")", error("not a valid date")),
                row("CDate(\"9999-12-31T23:00:00-08:00\")", error("outside the DateTime range")),
                row("CDate([m])", error("multi-valued"), "m", List.of("2021-01-01", "2021-01-02")),
                // Now
                row("Now()", "7/2/2021 3:33:38 PM"),
                // DateAdd
                row("DateAdd(\"d\", 10, CDate(\"2021-08-24\"))", "9/3/2021 12:00:00 AM"),
                row("DateAdd(\"d\", \"10\", Now())", "7/12/2021 3:33:38 PM"),
                row("DateAdd(\"m\", 1, CDate(\"2021-01-31\"))", "2/28/2021 12:00:00 AM"),
                row("DateAdd(\"yyyy\", -1, \"2020-02-29\")", "2/28/2019 12:00:00 AM"),
                row("DateAdd(\"ww\", 2, \"2021-08-24\")", "9/7/2021 12:00:00 AM"),
                row("DateAdd(\"h\", 25, \"2021-08-24\")", "8/25/2021 1:00:00 AM"),
                row("DateAdd(\"n\", -30, \"2021-08-24\")", "8/23/2021 11:30:00 PM"),
                row("DateAdd(\"s\", 61, \"2021-08-24\")", "8/24/2021 12:01:01 AM"),
                row("DateAdd(\"D\", 1, \"2021-08-24\")", "8/25/2021 12:00:00 AM"),
                row("DateAdd([unit], 1, Now())", error("not an interval"), "unit", "q"),
                row("DateAdd(\"yyyy\", 10000, Now())", error("out of range")),
                row("DateAdd(\"d\", 1, [missing])", null),
                row("DateAdd(\"d\", [missing], Now())", error("has no value")),
                row("DateAdd(\"d\", 1, \"soon\")", error("not a recognised date")),
                // DateDiff: calendar boundaries for yyyy/m/d/ww, elapsed units for h/n/s
                row("DateDiff(\"yyyy\", \"2020-12-31\", \"2021-01-01\")", "1"),
                row("DateDiff(\"m\", \"2021-01-31\", \"2021-02-01\")", "1"),
                row("DateDiff(\"m\", \"2022-03-15\", \"2021-02-01\")", "-13"),
                row("DateDiff(\"d\", \"2021-08-24T23:00:00Z\", \"2021-08-25T01:00:00Z\")", "1"),
                row("DateDiff(\"d\", \"2021-08-25\", \"2021-08-24\")", "-1"),
                row("DateDiff(\"ww\", \"2021-08-21\", \"2021-08-22\")", "1"),
                row("DateDiff(\"ww\", \"2021-08-22\", \"2021-08-28\")", "0"),
                row("DateDiff(\"ww\", \"2021-08-29\", \"2012-03-01\")", "-496"),
                row("DateDiff(\"h\", \"2021-08-24T23:00:00Z\", \"2021-08-25T01:00:00Z\")", "2"),
                row("DateDiff(\"h\", \"2021-08-24T10:30:00Z\", \"2021-08-24T09:45:00Z\")", "0"),
                row("DateDiff(\"h\", \"2021-08-24\", \"2021-08-25\")", "24"),
                row("DateDiff(\"n\", \"2021-08-24\", \"2021-08-25\")", "1440"),
                row("DateDiff(\"s\", \"2021-08-24\", \"2021-08-25\")", "86400"),
                row("DateDiff(\"d\", [missing], \"2021-08-25\")", null),
                row("DateDiff([unit], \"2021-08-24\", \"2021-08-25\")", error("not an interval"), "unit", "w"),
                // DateFromNum / NumFromDate
                row("DateFromNum(129699324000000000)", "1/1/2012 11:00:00 PM"),
                row("DateFromNum(\"129699324000000000\")", "1/1/2012 11:00:00 PM"),
                row("DateFromNum(0)", "1/1/1601 12:00:00 AM"),
                row("DateFromNum(-1)", error("negative")),
                row("DateFromNum(9223372036854775807)", error("outside the DateTime range")),
                row("DateFromNum([missing])", null),
                row("DateFromNum(\"soon\")", error("must be an integer")),
                row("NumFromDate(\"2012-01-01T23:00:00Z\")", "129699324000000000"),
                row("NumFromDate(\"2012-01-02T00:00:00+01:00\")", "129699324000000000"),
                row("NumFromDate(\"2012-01-01T23:00:00-08:00\")", "129699612000000000"),
                row("NumFromDate(DateFromNum(129699324000000000))", "129699324000000000"),
                row("NumFromDate(\"9999-12-31T23:59:59-08:00\")", error("outside the DateTime range")),
                row("NumFromDate(\"1600-12-31\")", error("before 1601")),
                row("NumFromDate(\"\")", error("not a recognised date")),
                row("NumFromDate([missing])", null),
                // FormatDateTime: FREF example, legacy form, styles, .NET custom formats
                row("FormatDateTime(\"20150123105347.1Z\", , \"yyyyMMddHHmmss.fZ\", \"yyyy-MM-dd\")", "2015-01-23"),
                row("FormatDateTime(\"20150123105347.1Z\", \"yyyyMMddHHmmss.fZ\", \"yyyy-MM-dd\")", "2015-01-23"),
                row("FormatDateTime([d], , \"yyyy-MM-dd\", \"dd/MM/yyyy\")", "24/08/2021", "d", "2021-08-24"),
                row("FormatDateTime(\"2021-08-24 14:05\", , \"yyyy-MM-dd HH:mm\", \"h:mm tt\")", "2:05 PM"),
                row("FormatDateTime(\"  2021-08-24  \", , \"yyyy-MM-dd\", \"yyyyMMdd\")", "20210824"),
                row("FormatDateTime(\" 2021-08-24\", \"None\", \"yyyy-MM-dd\", \"yyyy\")", error("does not match")),
                row("FormatDateTime(\"2021-08-24\", \"None\", \"yyyy-MM-dd\", \"dddd, MMMM d, yyyy\")",
                        "Tuesday, August 24, 2021"),
                row("FormatDateTime(\"Tue 24 Aug 2021\", , \"ddd dd MMM yyyy\", \"yyyy-MM-dd\")", "2021-08-24"),
                row("FormatDateTime(\"Wed 24 Aug 2021\", , \"ddd dd MMM yyyy\", \"yyyy-MM-dd\")", error("day name")),
                row("FormatDateTime(\"2021-08-24T10:00:00+02:00\", , \"yyyy-MM-ddTHH:mm:sszzz\", \"yyyy-MM-ddTHH:mm:ssK\")",
                        "2021-08-24T08:00:00+00:00"),
                row("FormatDateTime(\"2021-08-24T10:00:00+02:00\", \"AdjustToUniversal\", \"yyyy-MM-ddTHH:mm:sszzz\", "
                        + "\"yyyy-MM-ddTHH:mm:ssK\")", "2021-08-24T08:00:00Z"),
                row("FormatDateTime(\"2021-08-24T10:00:00Z\", , \"yyyy-MM-ddTHH:mm:ssK\", \"o\")",
                        "2021-08-24T10:00:00.0000000Z"),
                row("FormatDateTime(\"2021-08-24 10:00\", , \"yyyy-MM-dd HH:mm\", \"s\")", "2021-08-24T10:00:00"),
                row("FormatDateTime(\"08/24/21\", , \"MM/dd/yy\", \"yyyy\")", "2021"),
                row("FormatDateTime(\"08/24/75\", , \"MM/dd/yy\", \"yyyy\")", "1975"),
                row("FormatDateTime(\"24.08.2021 1:05:09.120\", , \"dd.MM.yyyy H:mm:ss.FFF\", \"HH:mm:ss.FFF\")",
                        "01:05:09.12"),
                row("FormatDateTime(\"2021-08-24 00:00:00.000\", , \"yyyy-MM-dd HH:mm:ss.fff\", \"HH:mm:ss.FFF\")",
                        "00:00:00"),
                row("FormatDateTime(\"10:30\", , \"HH:mm\", \"yyyy-MM-dd HH:mm\")", "2021-07-02 10:30"),
                row("FormatDateTime(\"10:30\", \"NoCurrentDateDefault\", \"HH:mm\", \"yyyy-MM-dd\")", "0001-01-01"),
                row("FormatDateTime(\"Aug 2021\", , \"MMM yyyy\", \"yyyy-MM-dd\")", "2021-08-01"),
                row("FormatDateTime(\"2021-08-24\", , \"yyyy-MM-dd\", \"'Day' d 'of' MMMM\")", "Day 24 of August"),
                row("FormatDateTime(\"2021-08-24\", , \"yyyy-MM-dd\", \"%d\")", "24"),
                row("FormatDateTime(\"garbage\", , \"yyyy\", \"yyyy\")", error("does not match")),
                row("FormatDateTime(\"2021-02-30\", , \"yyyy-MM-dd\", \"yyyy\")", error("does not match")),
                row("FormatDateTime([missing], , \"yyyy\", \"yyyy\")", null),
                row("FormatDateTime(\"2021\", [styles], \"yyyy\", \"yyyy\")", error("not a DateTimeStyles member"),
                        "styles", "Bogus"),
                row("FormatDateTime(\"2021\", , [in], \"yyyy\")", error("format string is empty")));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @MethodSource("cases")
    void evaluates(String expression, Object expected, ObjectImage source) {
        ExpressionCases.check(expression, expected, source);
    }
}

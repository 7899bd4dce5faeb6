package org.opensync.mapping.expression;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.opensync.mapping.model.AttributeType;
import org.opensync.mapping.value.DateTimeValue;
import org.opensync.mapping.value.IntegerValue;
import org.opensync.mapping.value.Value;

/**
 * Date functions: CDate, DateAdd, DateDiff, DateFromNum, NumFromDate, FormatDateTime, Now. All work in
 * UTC. An absent date argument gives null (nothing to compute), while unparsable text is an error.
 */
final class DateFunctions {
    private DateFunctions() {
    }

    static List<FunctionSpec> functions() {
        return List.of(
                FunctionSpec.define("CDate").required("expression")
                        .body(absentIsNull((call, value) -> new DateTimeValue(call.dateTime(0, value)))),
                FunctionSpec.define("DateAdd").required("interval").required("value", AttributeType.Integer)
                        .required("dateTime", AttributeType.DateTime).binder(DateFunctions::bindDateAdd),
                FunctionSpec.define("DateDiff").required("interval").required("date1", AttributeType.DateTime)
                        .required("date2", AttributeType.DateTime).binder(DateFunctions::bindDateDiff),
                FunctionSpec.define("DateFromNum").required("value", AttributeType.Integer).body(absentIsNull(
                        (call, value) -> new DateTimeValue(DotNetDates.fromFileTime(call.integer(0, value))))),
                FunctionSpec.define("NumFromDate").required("value", AttributeType.DateTime).body(absentIsNull(
                        (call, value) -> new IntegerValue(DotNetDates.toFileTime(call.dateTime(0, value))))),
                FunctionSpec.define("FormatDateTime").required("source").optional("dateTimeStyles")
                        .required("inputFormat").required("outputFormat")
                        .advertised("source", "inputFormat", "outputFormat")
                        .normalizer(DateFunctions::legacyFormatDateTime).binder(DateFunctions::bindFormatDateTime),
                FunctionSpec.define("Now").body((call, ctx) ->
                        new DateTimeValue(LocalDateTime.ofInstant(ctx.environment().clock().instant(), ZoneOffset.UTC))));
    }

    @FunctionalInterface
    private interface Conversion {
        Value apply(CallNode call, Value argument) throws EvaluationException;
    }

    /** Converts the first argument; absent gives null, out-of-range dates are object errors. */
    private static FunctionBody absentIsNull(Conversion conversion) {
        return (call, ctx) -> {
            Value argument = call.value(0, ctx);
            if (argument.isNull()) {
                return Value.NULL;
            }
            try {
                return conversion.apply(call, argument);
            } catch (DateTimeException e) {
                throw call.error(e.getMessage());
            }
        };
    }

    private static FunctionBody bindDateAdd(List<Expr> arguments) {
        PreparedArgument<DateInterval> interval = PreparedArgument.of(arguments, 0, DateInterval::parse);
        return (call, ctx) -> {
            DateInterval unit = interval.get(call, ctx);
            long amount = call.integer(1, ctx);
            Value date = call.value(2, ctx);
            if (date.isNull()) {
                return Value.NULL;
            }
            try {
                return new DateTimeValue(DotNetDates.requireInRange(unit.add(call.dateTime(2, date), amount)));
            } catch (DateTimeException | ArithmeticException e) {
                throw call.error("result out of range: " + e.getMessage());
            }
        };
    }

    private static FunctionBody bindDateDiff(List<Expr> arguments) {
        PreparedArgument<DateInterval> interval = PreparedArgument.of(arguments, 0, DateInterval::parse);
        return (call, ctx) -> {
            DateInterval unit = interval.get(call, ctx);
            Value from = call.value(1, ctx);
            Value to = call.value(2, ctx);
            if (from.isNull() || to.isNull()) {
                return Value.NULL;
            }
            return new IntegerValue(unit.between(call.dateTime(1, from), call.dateTime(2, to)));
        };
    }

    /** The 3-argument form (source, inputFormat, outputFormat) of CSREF/GFUN is the 4-argument form without styles. */
    private static List<Expr> legacyFormatDateTime(List<Expr> arguments) {
        if (arguments.size() != 3) {
            return arguments;
        }
        List<Expr> canonical = new ArrayList<>(arguments);
        canonical.add(1, Expr.Omitted.INSTANCE);
        return canonical;
    }

    private static FunctionBody bindFormatDateTime(List<Expr> arguments) {
        PreparedArgument<Set<DateTimeStyles>> styles = PreparedArgument.of(arguments, 1, DateTimeStyles::parse);
        PreparedArgument<List<DotNetDateFormat.Element>> input = PreparedArgument.of(arguments, 2, DotNetDateFormat::compile);
        PreparedArgument<List<DotNetDateFormat.Element>> output = PreparedArgument.of(arguments, 3, DotNetDateFormat::compile);
        return (call, ctx) -> {
            String source = call.text(0, ctx);
            if (source == null) {
                return Value.NULL;
            }
            try {
                LocalDateTime today = LocalDateTime.ofInstant(ctx.environment().clock().instant(), ZoneOffset.UTC);
                DotNetDateFormat.Parsed parsed = DotNetDateFormat.parse(source, input.get(call, ctx),
                        styles.get(call, ctx), today.toLocalDate());
                return Value.text(DotNetDateFormat.format(parsed.utc(), parsed.kind(), output.get(call, ctx)));
            } catch (IllegalArgumentException e) {
                throw call.error(e.getMessage());
            }
        };
    }
}

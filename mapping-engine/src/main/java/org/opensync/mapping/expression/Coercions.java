package org.opensync.mapping.expression;

import java.time.LocalDateTime;
import org.opensync.mapping.value.BooleanValue;
import org.opensync.mapping.value.DateTimeValue;
import org.opensync.mapping.value.IntegerValue;
import org.opensync.mapping.value.Value;

/** Argument conversions of the value model; failures name the function and parameter. */
final class Coercions {
    private Coercions() {
    }

    static String text(Value value, String function, String parameter) throws EvaluationException {
        if (value.isMultiValued()) {
            throw EvaluationException.in(function, "parameter '" + parameter + "' is multi-valued ("
                    + value.size() + " values) where a single value is expected");
        }
        return value.text();
    }

    /** Numbers may arrive as strings ({@code Mid([x], "1", "1")}); surrounding white space is tolerated as in .NET. */
    static long integer(Value value, String function, String parameter) throws EvaluationException {
        if (value instanceof IntegerValue number) {
            return number.value();
        }
        String text = text(value, function, parameter);
        if (text == null) {
            throw EvaluationException.in(function, "parameter '" + parameter + "' has no value");
        }
        if (!(value instanceof BooleanValue) && !(value instanceof DateTimeValue)) {
            try {
                return Long.parseLong(text.strip());
            } catch (NumberFormatException notAnInteger) {
                // reported below
            }
        }
        throw EvaluationException.in(function, "parameter '" + parameter + "' must be an integer, got '" + text + "'");
    }

    /** CBool rules: booleans, "True"/"False" in any case, non-zero numbers; anything else (and null) is false. */
    static boolean truth(Value value, String function) throws EvaluationException {
        if (value instanceof BooleanValue bool) {
            return bool.value();
        }
        if (value instanceof IntegerValue number) {
            return number.value() != 0;
        }
        String text = text(value, function, "condition");
        if (text == null) {
            return false;
        }
        String trimmed = text.strip();
        if (trimmed.equalsIgnoreCase("True")) {
            return true;
        }
        return ValueComparison.isNumber(trimmed) && ValueComparison.toDecimal(trimmed).signum() != 0;
    }

    static LocalDateTime dateTime(Value value, String function, String parameter) throws EvaluationException {
        if (value instanceof DateTimeValue dateTime) {
            return dateTime.utc();
        }
        String text = text(value, function, parameter);
        if (text == null) {
            throw EvaluationException.in(function, "parameter '" + parameter + "' has no value");
        }
        try {
            return DateParsing.toUtc(text);
        } catch (IllegalArgumentException e) {
            throw EvaluationException.in(function, e.getMessage());
        }
    }
}

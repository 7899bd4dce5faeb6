package org.opensync.mapping.expression;

import java.math.BigDecimal;
import org.opensync.mapping.value.DateTimeValue;
import org.opensync.mapping.value.Value;

/**
 * Comparison semantics of {@code = <> > >= < <=}: numbers compare numerically when both sides parse
 * as invariant numbers, dates chronologically, everything else ordinally and case-sensitively. Null compares as the
 * empty string, which makes {@code IIF([country]="", …)} null-safe.
 */
final class ValueComparison {
    private ValueComparison() {
    }

    static int compare(Value left, Value right, String operator) throws EvaluationException {
        if (left instanceof DateTimeValue a && right instanceof DateTimeValue b) {
            return a.utc().compareTo(b.utc());
        }
        String a = orEmpty(Coercions.text(left, operator, "left operand"));
        String b = orEmpty(Coercions.text(right, operator, "right operand"));
        if (isNumber(a) && isNumber(b)) {
            return toDecimal(a).compareTo(toDecimal(b));
        }
        return a.compareTo(b);
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }

    /** Invariant-culture number: optional sign, digits, optional fraction. */
    static boolean isNumber(String text) {
        int i = 0;
        int length = text.length();
        if (i < length && (text.charAt(i) == '-' || text.charAt(i) == '+')) {
            i++;
        }
        int digits = 0;
        while (i < length && Character.isDigit(text.charAt(i)) && text.charAt(i) < 128) {
            i++;
            digits++;
        }
        if (i < length && text.charAt(i) == '.') {
            i++;
            while (i < length && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
                i++;
                digits++;
            }
        }
        return digits > 0 && i == length;
    }

    static BigDecimal toDecimal(String number) {
        return new BigDecimal(number);
    }
}

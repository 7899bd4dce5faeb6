package org.opensync.mapping.expression;

import java.util.List;
import java.util.Locale;
import org.opensync.mapping.model.AttributeType;
import org.opensync.mapping.value.IntegerValue;
import org.opensync.mapping.value.Value;

/** String functions (Append, Left, Mid, PCase, StripSpaces, ToLower, ToUpper, Word, Trim, Prepend…). */
final class TextFunctions {
    private TextFunctions() {
    }

    static List<FunctionSpec> functions() {
        return List.of(
                FunctionSpec.define("Append").required("source").required("suffix")
                        .body((call, ctx) -> Value.text(call.textOrEmpty(0, ctx) + call.textOrEmpty(1, ctx))),
                FunctionSpec.define("Prepend").required("prefix").required("source")
                        .body((call, ctx) -> Value.text(call.textOrEmpty(0, ctx) + call.textOrEmpty(1, ctx))),
                FunctionSpec.define("Left").required("String").required("NumChars", AttributeType.Integer)
                        .body(TextFunctions::left),
                FunctionSpec.define("Mid").required("source").required("start", AttributeType.Integer)
                        .required("length", AttributeType.Integer).body(TextFunctions::mid),
                FunctionSpec.define("StripSpaces").required("source")
                        .body((call, ctx) -> PerValue.map(call.value(0, ctx), s -> s.replace(" ", ""))),
                FunctionSpec.define("Trim").required("value")
                        .body((call, ctx) -> PerValue.map(call.value(0, ctx), TextFunctions::trim)),
                FunctionSpec.define("ToLower").required("source").optional("culture")
                        .binder(arguments -> caseChange(arguments, true)),
                FunctionSpec.define("ToUpper").required("source").optional("culture")
                        .binder(arguments -> caseChange(arguments, false)),
                FunctionSpec.define("NormalizeDiacritics").required("source")
                        .body((call, ctx) -> PerValue.map(call.value(0, ctx), Diacritics::normalize)),
                FunctionSpec.define("PCase").required("source").optional("wordSeparators")
                        .body(TextFunctions::pcase),
                FunctionSpec.define("Word").required("String").required("WordNumber", AttributeType.Integer)
                        .required("delimiters").body(TextFunctions::word),
                FunctionSpec.define("InStr").required("value1").required("value2")
                        .optional("start", AttributeType.Integer).optional("compareType")
                        .binder(TextFunctions::bindInStr));
    }

    /** NumChars 0 gives "", negative gives the input unchanged, null input gives "" (FREF). */
    private static Value left(CallNode call, EvaluationContext ctx) throws EvaluationSignal {
        String source = call.text(0, ctx);
        if (source == null) {
            return Value.text("");
        }
        long count = call.integer(1, ctx);
        return count < 0 || count >= source.length() ? Value.text(source) : Value.text(source.substring(0, (int) count));
    }

    /** Null source and a start past the end give "" [design]; a start below 1 or negative length are errors. */
    private static Value mid(CallNode call, EvaluationContext ctx) throws EvaluationSignal {
        String source = call.text(0, ctx);
        long start = call.integer(1, ctx);
        long length = call.integer(2, ctx);
        if (start < 1) {
            throw call.error("start must be 1 or more (positions are 1-based), got " + start);
        }
        if (length < 0) {
            throw call.error("length must not be negative, got " + length);
        }
        if (source == null || start > source.length()) {
            return Value.text("");
        }
        int from = (int) start - 1;
        int to = (int) Math.min(source.length(), from + length);
        return Value.text(source.substring(from, to));
    }

    /** .NET Char.IsWhiteSpace also covers no-break spaces, which Java's strip() keeps. */
    static String trim(String value) {
        int start = 0;
        int end = value.length();
        while (start < end && isWhiteSpace(value.charAt(start))) {
            start++;
        }
        while (end > start && isWhiteSpace(value.charAt(end - 1))) {
            end--;
        }
        return value.substring(start, end);
    }

    private static boolean isWhiteSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u0085';
    }

    private static FunctionBody caseChange(List<Expr> arguments, boolean lower) {
        PreparedArgument<Locale> culture = PreparedArgument.of(arguments, 1, Cultures::resolve);
        return (call, ctx) -> {
            Locale locale = culture.get(call, ctx);
            return PerValue.map(call.value(0, ctx), s -> lower ? s.toLowerCase(locale) : s.toUpperCase(locale));
        };
    }

    /**
     * Lower-cases everything, then upper-cases the first letter of each word. Without separators, words break on the
     * character classes .NET ToTitleCase treats as separators; a non-letter that is not a separator (a digit) leaves
     * the next letter at word start, as in .NET ("1st" → "1St").
     */
    private static Value pcase(CallNode call, EvaluationContext ctx) throws EvaluationSignal {
        String separators = call.supplied(1) ? call.text(1, ctx) : null;
        return PerValue.map(call.value(0, ctx), source -> {
            StringBuilder result = new StringBuilder(source.length());
            boolean wordStart = true;
            for (int i = 0; i < source.length(); ) {
                int c = source.codePointAt(i);
                i += Character.charCount(c);
                if (separators == null || separators.isEmpty() ? isDefaultSeparator(c) : separators.indexOf(c) >= 0) {
                    result.appendCodePoint(c);
                    wordStart = true;
                } else if (Character.isLetter(c)) {
                    result.appendCodePoint(wordStart ? Character.toTitleCase(c) : Character.toLowerCase(c));
                    wordStart = false;
                } else {
                    result.appendCodePoint(c);
                }
            }
            return result.toString();
        });
    }

    private static boolean isDefaultSeparator(int c) {
        return switch (Character.getType(c)) {
            case Character.SPACE_SEPARATOR, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                    Character.CONTROL, Character.FORMAT, Character.CONNECTOR_PUNCTUATION,
                    Character.DASH_PUNCTUATION, Character.START_PUNCTUATION, Character.END_PUNCTUATION,
                    Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
                    Character.OTHER_PUNCTUATION, Character.MATH_SYMBOL, Character.CURRENCY_SYMBOL,
                    Character.MODIFIER_SYMBOL, Character.OTHER_SYMBOL -> true;
            default -> false;
        };
    }

    /**
     * 1-based position of value2 in value1 at or after {@code start}, 0 when absent (CSREF); binary (case-sensitive)
     * comparison unless {@code vbTextCompare}. A missing value gives 0 [design].
     */
    private static FunctionBody bindInStr(List<Expr> arguments) {
        PreparedArgument<Boolean> ignoreCase = PreparedArgument.of(arguments, 3, TextFunctions::isTextCompare);
        return (call, ctx) -> {
            String text = call.text(0, ctx);
            String wanted = call.text(1, ctx);
            long start = call.supplied(2) ? call.integer(2, ctx) : 1;
            boolean caseInsensitive = ignoreCase.get(call, ctx);
            if (start < 1) {
                throw call.error("start must be 1 or more, got " + start);
            }
            if (text == null || wanted == null || start > text.length() + 1L) {
                return new IntegerValue(0);
            }
            for (int at = (int) start - 1; at + wanted.length() <= text.length(); at++) {
                if (text.regionMatches(caseInsensitive, at, wanted, 0, wanted.length())) {
                    return new IntegerValue(at + 1L);
                }
            }
            return new IntegerValue(0);
        };
    }

    /** VBA compare constants: vbBinaryCompare (0, the default) and vbTextCompare (1). */
    private static boolean isTextCompare(String compareType) {
        if (compareType == null || compareType.isEmpty() || compareType.equals("vbBinaryCompare")
                || compareType.equals("0")) {
            return false;
        }
        if (compareType.equals("vbTextCompare") || compareType.equals("1")) {
            return true;
        }
        throw new IllegalArgumentException("'" + compareType + "' is not a compare type; use vbTextCompare or "
                + "vbBinaryCompare");
    }

    /** Words are maximal runs of non-delimiter characters; any miss gives "" (FREF). */
    private static Value word(CallNode call, EvaluationContext ctx) throws EvaluationSignal {
        String source = call.text(0, ctx);
        long wanted = call.integer(1, ctx);
        String delimiters = call.textOrEmpty(2, ctx);
        if (source == null || wanted < 1) {
            return Value.text("");
        }
        int number = 0;
        int i = 0;
        while (i < source.length()) {
            while (i < source.length() && delimiters.indexOf(source.charAt(i)) >= 0) {
                i++;
            }
            int start = i;
            while (i < source.length() && delimiters.indexOf(source.charAt(i)) < 0) {
                i++;
            }
            if (i > start && ++number == wanted) {
                return Value.text(source.substring(start, i));
            }
        }
        return Value.text("");
    }
}

package org.opensync.mapping.expression;

import java.util.List;
import org.opensync.mapping.regex.DotNetRegex;
import org.opensync.mapping.regex.RegexBudgetExceededException;
import org.opensync.mapping.regex.Substitution;
import org.opensync.mapping.value.Value;

/**
 * Replace and its five modes, chosen from which arguments are supplied:
 * (a) Find + Replacement, (b) Find + Template, (c) RegularExpression + Replacement,
 * (d) RegularExpression + RegularExpressionGroupName + Replacement, (e) RegularExpression +
 * RegularExpressionGroupName + ReplacementPropertyName (FREF's reading, not CSREF's). Case-sensitive throughout.
 */
final class ReplaceFunction {
    private static final int SOURCE = 0;
    private static final int FIND = 1;
    private static final int REGEX = 2;
    private static final int GROUP = 3;
    private static final int REPLACEMENT = 4;
    private static final int REPLACEMENT_PROPERTY = 5;
    private static final int TEMPLATE = 6;

    private ReplaceFunction() {
    }

    static FunctionSpec spec() {
        return FunctionSpec.define("Replace").required("source").optional("Find").optional("RegularExpression")
                .optional("RegularExpressionGroupName").optional("Replacement").optional("ReplacementPropertyName")
                .optional("Template").binder(ReplaceFunction::bind);
    }

    private static FunctionBody bind(List<Expr> arguments) {
        boolean regex = supplied(arguments, REGEX);
        boolean group = supplied(arguments, GROUP);
        if (regex) {
            PreparedArgument<DotNetRegex> pattern = PreparedArgument.of(arguments, REGEX, ReplaceFunction::compile);
            if (group && supplied(arguments, REPLACEMENT_PROPERTY)) {
                return (call, ctx) -> fromOtherAttribute(call, ctx, pattern);
            }
            if (supplied(arguments, REPLACEMENT)) {
                return (call, ctx) -> regexReplace(call, ctx, pattern, group);
            }
            throw new InvalidExpressionException("Replace with RegularExpression needs Replacement, or "
                    + "RegularExpressionGroupName with Replacement or ReplacementPropertyName");
        }
        if (supplied(arguments, FIND)) {
            if (supplied(arguments, REPLACEMENT)) {
                return ReplaceFunction::literal;
            }
            if (supplied(arguments, TEMPLATE)) {
                return ReplaceFunction::template;
            }
        }
        throw new InvalidExpressionException("Replace needs Find with Replacement or Template, or RegularExpression");
    }

    private static boolean supplied(List<Expr> arguments, int index) {
        return arguments.get(index) != Expr.Omitted.INSTANCE;
    }

    private static DotNetRegex compile(String pattern) {
        if (pattern == null) {
            throw new IllegalArgumentException("RegularExpression has no value");
        }
        return DotNetRegex.compile(pattern);
    }

    private static Value literal(CallNode call, EvaluationContext ctx) throws EvaluationSignal {
        String source = call.text(SOURCE, ctx);
        String find = call.textOrEmpty(FIND, ctx);
        if (find.isEmpty()) {
            throw call.error("Find must not be empty");
        }
        return source == null ? Value.NULL
                : Value.text(replaceBounded(call, ctx, source, find, call.textOrEmpty(REPLACEMENT, ctx)));
    }

    private static Value template(CallNode call, EvaluationContext ctx) throws EvaluationSignal {
        String source = call.text(SOURCE, ctx);
        String find = call.textOrEmpty(FIND, ctx);
        String template = call.text(TEMPLATE, ctx);
        if (find.isEmpty()) {
            throw call.error("Find must not be empty");
        }
        return source == null || template == null ? Value.NULL
                : Value.text(replaceBounded(call, ctx, template, find, source));
    }

    /**
     * {@code text.replace(find, replacement)}, refused before it is built when the result would be longer than one
     * value may be: replacing a character by a long text can multiply the length.
     */
    private static String replaceBounded(CallNode call, EvaluationContext ctx, String text, String find,
            String replacement) throws EvaluationException {
        int growth = replacement.length() - find.length();
        if (growth > 0) {
            long length = text.length();
            for (int at = text.indexOf(find); at >= 0; at = text.indexOf(find, at + find.length())) {
                length += growth;
                ctx.requireLength(length, call.name());
            }
        }
        return text.replace(find, replacement);
    }

    /** Modes (c) and (d): every match, or only the named group's text in every match. */
    private static Value regexReplace(CallNode call, EvaluationContext ctx, PreparedArgument<DotNetRegex> pattern,
            boolean groupOnly) throws EvaluationSignal {
        String source = call.text(SOURCE, ctx);
        if (source == null) {
            return Value.NULL;
        }
        DotNetRegex regex = pattern.get(call, ctx);
        String group = groupOnly ? requireGroup(call, ctx, regex) : null;
        Substitution substitution = regex.substitution(call.textOrEmpty(REPLACEMENT, ctx));
        String replaced;
        try {
            replaced = groupOnly ? regex.replaceGroup(source, group, substitution, ctx, ctx.maxValueLength())
                    : regex.replaceAll(source, substitution, ctx, ctx.maxValueLength());
        } catch (RegexBudgetExceededException e) {
            throw ctx.regexExceeded(call.name(), e);
        }
        if (replaced == null) {
            throw ctx.valueTooLong(call.name());
        }
        return Value.text(replaced);
    }

    /** Mode (e): keep a present source; otherwise extract the named group from the other attribute. */
    private static Value fromOtherAttribute(CallNode call, EvaluationContext ctx, PreparedArgument<DotNetRegex> pattern)
            throws EvaluationSignal {
        String source = call.text(SOURCE, ctx);
        if (source != null && !source.isEmpty()) {
            return Value.text(source);
        }
        String other = call.text(REPLACEMENT_PROPERTY, ctx);
        if (other == null) {
            return Value.NULL;
        }
        DotNetRegex regex = pattern.get(call, ctx);
        String group = requireGroup(call, ctx, regex);
        try {
            return Value.text(regex.firstCapture(other, group, ctx));
        } catch (RegexBudgetExceededException e) {
            throw ctx.regexExceeded(call.name(), e);
        }
    }

    private static String requireGroup(CallNode call, EvaluationContext ctx, DotNetRegex regex) throws EvaluationSignal {
        String group = call.textOrEmpty(GROUP, ctx);
        if (!regex.hasGroup(group)) {
            throw call.error("the regular expression '" + regex.pattern() + "' has no group '" + group + "'");
        }
        return group;
    }
}

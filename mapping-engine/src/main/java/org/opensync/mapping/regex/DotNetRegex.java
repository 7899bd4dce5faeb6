package org.opensync.mapping.regex;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A compiled .NET-flavoured regular expression (case-sensitive, culture-invariant, Unicode-aware {@code \d \w \s \b}
 * as in .NET). Immutable and thread-safe. Every operation is bounded (see {@link RegexBudgetExceededException}):
 * by a budget that grows with the input's length, never beyond {@link #MAX_STEPS}, and by the caller's
 * {@link StepBudget}.
 */
public final class DotNetRegex {
    /** Character reads per operation: ample for real attribute values, a few milliseconds at worst. */
    private static final long BASE_BUDGET = 1_000_000;
    private static final long BUDGET_PER_INPUT_CHAR = 200;
    /** Hard ceiling of character reads per operation, however long the input: some tens of milliseconds. */
    public static final long MAX_STEPS = 10_000_000;

    private final String netPattern;
    private final Pattern pattern;
    private final Map<String, Integer> javaGroupByName;
    private final Map<Integer, Integer> javaGroupByNumber;

    private DotNetRegex(String netPattern, PatternTranslator.Translation translation) {
        this.netPattern = netPattern;
        this.pattern = Pattern.compile(translation.javaPattern(), Pattern.UNICODE_CHARACTER_CLASS);
        this.javaGroupByName = translation.javaGroupByName();
        this.javaGroupByNumber = translation.javaGroupByNumber();
    }

    /** @throws IllegalArgumentException with a readable reason when the pattern is invalid or uses unsupported syntax */
    public static DotNetRegex compile(String netPattern) {
        try {
            return new DotNetRegex(netPattern, PatternTranslator.translate(netPattern));
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("invalid regular expression '" + netPattern + "': " + e.getDescription());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid regular expression '" + netPattern + "': " + e.getMessage());
        }
    }

    public String pattern() {
        return netPattern;
    }

    public boolean hasGroup(String name) {
        return javaGroupByName.containsKey(name) || isNumber(name) && javaGroupByNumber.containsKey(Integer.parseInt(name));
    }

    public boolean matchesEntirely(String input) {
        return run(input, StepBudget.UNLIMITED, Matcher::matches);
    }

    public boolean find(String input) {
        return run(input, StepBudget.UNLIMITED, Matcher::find);
    }

    /**
     * .NET {@code Regex.Replace(input, pattern, replacement)}: every match, with .NET substitutions.
     *
     * @return the result, or null as soon as it would be longer than {@code maxLength} characters
     */
    public String replaceAll(String input, Substitution replacement, StepBudget steps, int maxLength) {
        return run(input, steps, matcher -> {
            StringBuilder result = new StringBuilder(Math.min(input.length() + 16, maxLength));
            int last = 0;
            while (matcher.find()) {
                result.append(input, last, matcher.start());
                replacement.appendTo(result, matcher, input);
                last = matcher.end();
                if (result.length() > maxLength) {
                    return null;
                }
            }
            result.append(input, last, input.length());
            return result.length() > maxLength ? null : result.toString();
        });
    }

    /**
     * Replaces only the text captured by {@code groupName} in every match.
     *
     * @return the result, or null as soon as it would be longer than {@code maxLength} characters
     */
    public String replaceGroup(String input, String groupName, Substitution replacement, StepBudget steps,
            int maxLength) {
        int group = javaGroup(groupName);
        return run(input, steps, matcher -> {
            StringBuilder result = new StringBuilder(Math.min(input.length() + 16, maxLength));
            int last = 0;
            while (matcher.find()) {
                if (matcher.start(group) >= 0) {
                    result.append(input, last, matcher.start(group));
                    replacement.appendTo(result, matcher, input);
                    last = matcher.end(group);
                    if (result.length() > maxLength) {
                        return null;
                    }
                }
            }
            result.append(input, last, input.length());
            return result.length() > maxLength ? null : result.toString();
        });
    }

    /** The text {@code groupName} captured in the first match, or null when nothing matched. */
    public String firstCapture(String input, String groupName, StepBudget steps) {
        int group = javaGroup(groupName);
        return run(input, steps, matcher -> matcher.find() ? matcher.group(group) : null);
    }

    /** Parses a .NET replacement string against this pattern's groups. */
    public Substitution substitution(String netReplacement) {
        return Substitution.parse(netReplacement, this);
    }

    int javaGroup(String name) {
        Integer group = isNumber(name) ? javaGroupByNumber.get(Integer.parseInt(name)) : javaGroupByName.get(name);
        if (group == null) {
            throw new IllegalArgumentException("regular expression '" + netPattern + "' has no group '" + name + "'");
        }
        return group;
    }

    Integer javaGroupOrNull(String name) {
        return isNumber(name) ? javaGroupByNumber.get(Integer.parseInt(name)) : javaGroupByName.get(name);
    }

    int groupCount() {
        return javaGroupByNumber.size() - 1;
    }

    /**
     * Runs one operation on a matcher whose input counts its reads: at most the budget for this input's length, the
     * hard ceiling, or what {@code steps} has left, whichever is least. A stack overflow (deeply nested
     * backtracking) counts as running out.
     */
    private <T> T run(String input, StepBudget steps, MatchOperation<T> operation) {
        long budget = Math.min(Math.min(BASE_BUDGET + BUDGET_PER_INPUT_CHAR * input.length(), MAX_STEPS),
                Math.max(0, steps.remaining()));
        BudgetedCharSequence counted = new BudgetedCharSequence(input, netPattern, budget);
        try {
            return operation.apply(pattern.matcher(counted));
        } catch (StackOverflowError e) {
            throw new RegexBudgetExceededException(netPattern, budget);
        } finally {
            steps.spend(counted.used());
        }
    }

    @FunctionalInterface
    private interface MatchOperation<T> {
        T apply(Matcher matcher);
    }

    private static boolean isNumber(String name) {
        return !name.isEmpty() && name.length() < 10 && name.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    @Override
    public String toString() {
        return netPattern;
    }
}

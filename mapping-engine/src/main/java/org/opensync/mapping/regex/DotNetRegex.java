package org.opensync.mapping.regex;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A compiled .NET-flavoured regular expression (case-sensitive, culture-invariant, Unicode-aware {@code \d \w \s \b}
 * as in .NET). Immutable and thread-safe. Every operation is bounded: see {@link RegexBudgetExceededException}.
 */
public final class DotNetRegex {
    /** Character reads per operation: ample for real attribute values, a few milliseconds at worst. */
    private static final long BASE_BUDGET = 1_000_000;
    private static final long BUDGET_PER_INPUT_CHAR = 200;

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
        try {
            return matcher(input).matches();
        } catch (StackOverflowError e) {
            throw new RegexBudgetExceededException(netPattern);
        }
    }

    public boolean find(String input) {
        try {
            return matcher(input).find();
        } catch (StackOverflowError e) {
            throw new RegexBudgetExceededException(netPattern);
        }
    }

    /** .NET {@code Regex.Replace(input, pattern, replacement)}: every match, with .NET substitutions. */
    public String replaceAll(String input, Substitution replacement) {
        try {
            Matcher matcher = matcher(input);
            StringBuilder result = new StringBuilder(input.length() + 16);
            int last = 0;
            while (matcher.find()) {
                result.append(input, last, matcher.start());
                replacement.appendTo(result, matcher, input);
                last = matcher.end();
            }
            return result.append(input, last, input.length()).toString();
        } catch (StackOverflowError e) {
            throw new RegexBudgetExceededException(netPattern);
        }
    }

    /** Replaces only the text captured by {@code groupName} in every match. */
    public String replaceGroup(String input, String groupName, Substitution replacement) {
        int group = javaGroup(groupName);
        try {
            Matcher matcher = matcher(input);
            StringBuilder result = new StringBuilder(input.length() + 16);
            int last = 0;
            while (matcher.find()) {
                if (matcher.start(group) >= 0) {
                    result.append(input, last, matcher.start(group));
                    replacement.appendTo(result, matcher, input);
                    last = matcher.end(group);
                }
            }
            return result.append(input, last, input.length()).toString();
        } catch (StackOverflowError e) {
            throw new RegexBudgetExceededException(netPattern);
        }
    }

    /** The text {@code groupName} captured in the first match, or null when nothing matched. */
    public String firstCapture(String input, String groupName) {
        int group = javaGroup(groupName);
        try {
            Matcher matcher = matcher(input);
            return matcher.find() ? matcher.group(group) : null;
        } catch (StackOverflowError e) {
            throw new RegexBudgetExceededException(netPattern);
        }
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

    private Matcher matcher(String input) {
        long budget = BASE_BUDGET + BUDGET_PER_INPUT_CHAR * input.length();
        return pattern.matcher(new BudgetedCharSequence(input, netPattern, budget));
    }

    private static boolean isNumber(String name) {
        return !name.isEmpty() && name.length() < 10 && name.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    @Override
    public String toString() {
        return netPattern;
    }
}

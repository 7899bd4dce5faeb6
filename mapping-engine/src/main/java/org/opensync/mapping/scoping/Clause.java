package org.opensync.mapping.scoping;

import java.util.ArrayList;
import java.util.List;
import org.opensync.mapping.regex.DotNetRegex;
import org.opensync.mapping.value.AttributeKey;
import org.opensync.mapping.value.ObjectImage;
import org.opensync.mapping.value.Value;

/**
 * A compiled filter clause. With several operand values, a positive operator holds when it holds for any operand,
 * and a negated one ({@code NOT EQUALS}, {@code NOT REGEX MATCH}, {@code Excludes}, {@code !&}) when its positive
 * form holds for none [design]. Multi-valued attributes need every value to satisfy the clause (comparison type
 * {@code All}).
 */
final class Clause {
    private static final int MAX_SHOWN_VALUE = 100;

    private final String name;
    private final AttributeKey attribute;
    private final ScopeOperator operator;
    private final List<String> operands;
    private final List<DotNetRegex> patterns;
    private final List<Long> integers;
    private final boolean wholeValueRegex;

    Clause(String attribute, ScopeOperator operator, List<String> operands, boolean wholeValueRegex) {
        this.name = attribute;
        this.attribute = AttributeKey.of(attribute);
        this.operator = operator;
        this.operands = List.copyOf(operands);
        this.wholeValueRegex = wholeValueRegex;
        this.patterns = operator == ScopeOperator.REGEX_MATCH || operator == ScopeOperator.NOT_REGEX_MATCH
                ? operands.stream().map(DotNetRegex::compile).toList() : List.of();
        List<Long> parsed = new ArrayList<>();
        operands.forEach(operand -> {
            Long number = integer(operand);
            if (number != null) {
                parsed.add(number);
            }
        });
        this.integers = List.copyOf(parsed);
    }

    /** @throws org.opensync.mapping.regex.RegexBudgetExceededException when a pattern runs away */
    boolean test(ObjectImage source) {
        Value value = source.get(attribute);
        if (operator == ScopeOperator.IS_NULL) {
            return value.isNullOrEmpty();
        }
        if (value.isNullOrEmpty()) {
            return false;
        }
        if (!value.isMultiValued()) {
            return holds(value.text());
        }
        for (String single : value.strings()) {
            if (!holds(single)) {
                return false;
            }
        }
        return true;
    }

    /** e.g. {@code title NOT EQUALS 'Contractor' is false for 'Contractor'}; the value shown is cut at 100 characters. */
    String describeFailure(ObjectImage source) {
        Value value = source.get(attribute);
        String condition = name + " " + operator.graphName() + (operands.isEmpty() ? ""
                : " " + String.join(" or ", operands.stream().map(Clause::quoted).toList()));
        String actual = value.isNullOrEmpty() ? "no value"
                : value.isMultiValued() ? String.join(", ", value.strings().stream().map(Clause::quoted).toList())
                : quoted(value.text());
        return condition + " is false for " + actual;
    }

    private static String quoted(String value) {
        return "'" + (value.length() > MAX_SHOWN_VALUE ? value.substring(0, MAX_SHOWN_VALUE) + "…" : value) + "'";
    }

    private boolean holds(String value) {
        return switch (operator) {
            case IS_NULL -> value.isEmpty();
            case IS_NOT_NULL -> !value.isEmpty();
            case IS_TRUE -> value.strip().equalsIgnoreCase("True");
            case IS_FALSE -> value.strip().equalsIgnoreCase("False");
            case EQUALS -> operands.contains(value);
            case NOT_EQUALS -> !operands.contains(value);
            case REGEX_MATCH -> matchesAny(value);
            case NOT_REGEX_MATCH -> !matchesAny(value);
            case GREATER_THAN -> compareAny(value, 1, false);
            case GREATER_THAN_OR_EQUALS -> compareAny(value, 1, true);
            case LESS_THAN -> compareAny(value, -1, false);
            case LESS_THAN_OR_EQUALS -> compareAny(value, -1, true);
            case INCLUDES -> operands.stream().anyMatch(value::contains);
            case EXCLUDES -> operands.stream().noneMatch(value::contains);
            case ENDS_WITH -> operands.stream().anyMatch(value::endsWith);
            case CONTAINED_IN -> operands.stream().anyMatch(operand -> operand.contains(value));
            case NOT_CONTAINED_IN -> operands.stream().noneMatch(operand -> operand.contains(value));
        };
    }

    private boolean matchesAny(String value) {
        for (DotNetRegex pattern : patterns) {
            if (wholeValueRegex ? pattern.matchesEntirely(value) : pattern.find(value)) {
                return true;
            }
        }
        return false;
    }

    /** Both sides must be integers; anything else is simply false. */
    private boolean compareAny(String value, int sign, boolean orEqual) {
        Long number = integer(value);
        if (number == null) {
            return false;
        }
        for (long operand : integers) {
            int comparison = Long.compare(number, operand) * sign;
            if (comparison > 0 || orEqual && comparison == 0) {
                return true;
            }
        }
        return false;
    }

    private static Long integer(String text) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException notAnInteger) {
            return null;
        }
    }
}

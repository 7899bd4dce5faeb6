package org.opensync.mapping.expression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opensync.mapping.expression.ExpressionCases.error;
import static org.opensync.mapping.expression.ExpressionCases.row;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.opensync.mapping.value.ObjectImage;

class CollectionFunctionsTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                // Join
                row("Join(\", \", \"\", [surname], [givenName])", "Doe, John", "surname", "Doe", "givenName", "John"),
                row("Join(\" \", [givenName], [surname])", "John", "givenName", "John"),
                row("Join(\" \", [givenName], [surname])", ""),
                row("Join(\"\", 1000, [x])", "1000x", "x", "x"),
                row("Join(\",\", [proxies])", "a,b,c", "proxies", List.of("a", "b", "c")),
                row("Join(\",\", [proxies], \"d\")", "a,b,d", "proxies", List.of("a", "", "b").subList(0, 3), "zz", "1"),
                row("Join([missing], \"a\", \"b\")", "ab"),
                row("Join(\".\", [a])", "x", "a", "x"),
                // Split
                row("Split([list], \",\")", List.of("a", " b", "c"), "list", "a, b,c"),
                row("Split([list], \",\")", "abc", "list", "abc"),
                row("Split([list], \",\")", List.of("a", "", "b", ""), "list", "a,,b,"),
                row("Split([list], \"::\")", List.of("a", "b"), "list", "a::b"),
                row("Split([list], \"\")", "a,b", "list", "a,b"),
                row("Split([list], )", "a,b", "list", "a,b"),
                row("Split([missing], \",\")", null),
                row("Split([m], \",\")", error("multi-valued"), "m", List.of("a", "b")),
                // Item
                row("Item([proxies], 2)", "b", "proxies", List.of("a", "b", "c")),
                row("Item([proxies], \"1\")", "a", "proxies", List.of("a", "b")),
                row("Item([single], 1)", "s", "single", "s"),
                row("Item([proxies], 4)", error("out of range"), "proxies", List.of("a", "b", "c")),
                row("Item([proxies], 0)", error("out of range"), "proxies", List.of("a", "b")),
                row("Item([missing], 1)", null),
                row("Item([proxies], \"x\")", error("must be an integer"), "proxies", List.of("a", "b")),
                row("Item(Split(\"a;b\", \";\"), 2)", "b"),
                // Count
                row("Count([proxies])", "3", "proxies", List.of("a", "b", "c")),
                row("Count([single])", "1", "single", "s"),
                row("Count([missing])", "0"),
                row("Count(Split(\"a,b\", \",\"))", "2"),
                // RemoveDuplicates
                row("RemoveDuplicates([p])", List.of("b", "a"), "p", List.of("b", "a", "b", "a")),
                row("RemoveDuplicates([p])", "a", "p", List.of("a", "a")),
                row("RemoveDuplicates([p])", List.of("a", "A"), "p", List.of("a", "A")),
                row("RemoveDuplicates([missing])", null),
                row("RemoveDuplicates([s])", "x", "s", "x"),
                // Contains
                row("Contains([proxies], \"SMTP:\")", "2", "proxies", List.of("smtp:a@x", "SMTP:b@x")),
                row("Item([proxies], Contains([proxies], \"SMTP:\"))", "SMTP:b@x", "proxies", List.of("smtp:a@x", "SMTP:b@x")),
                row("Contains([proxies], \"nope\")", "0", "proxies", List.of("a", "b")),
                row("Contains([missing], \"a\")", "0"),
                row("Contains([proxies], [missing])", "0", "proxies", List.of("a")),
                // SelectUniqueValue with nothing taken
                row("SelectUniqueValue([a], [b])", "A", "a", "A", "b", "B"),
                row("SelectUniqueValue([a], [b])", "B", "a", "", "b", "B"),
                row("SelectUniqueValue([a], [b])", error("already in use")),
                row("SelectUniqueValue([m], [b])", error("multi-valued"), "m", List.of("x", "y")));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @MethodSource("cases")
    void evaluates(String expression, Object expected, ObjectImage source) {
        ExpressionCases.check(expression, expected, source);
    }

    @Test
    void selectUniqueValueAsksTheTargetForEachCandidateInOrder() throws EvaluationSignal {
        List<String> asked = new ArrayList<>();
        EvaluationEnvironment environment = ExpressionCases.environment().withUniqueValues((attribute, candidate) -> {
            asked.add(attribute + "=" + candidate);
            return !candidate.equals("jdoe2");
        });
        ParsedExpression expression = Expressions.parse(
                "SelectUniqueValue(Join(\"\", [first], [last]), Join(\"\", [first], [last], \"2\"), \"never\")");
        EvaluationContext context = new EvaluationContext(ExpressionCases.image("first", "j", "last", "doe"), environment);
        context.beginAttribute("sAMAccountName");

        assertThat(expression.evaluate(context).text()).isEqualTo("jdoe2");
        assertThat(asked).containsExactly("sAMAccountName=jdoe", "sAMAccountName=jdoe2");
    }
}

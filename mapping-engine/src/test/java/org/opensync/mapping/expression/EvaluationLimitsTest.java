package org.opensync.mapping.expression;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.opensync.mapping.regex.DotNetRegex;
import org.opensync.mapping.value.ObjectImage;
import org.opensync.mapping.value.Value;

/** The caps on one evaluation: characters per value, work per evaluation, regex steps per operation. */
class EvaluationLimitsTest {
    private static final Duration QUICKLY = Duration.ofSeconds(5);

    @Test
    void nestedReplaceCannotGrowOutputMultiplicatively() {
        // each level multiplies the length by 8: nine levels would be 134 million characters
        String expression = "\"aaaaaaaa\"";
        for (int level = 0; level < 9; level++) {
            expression = "Replace(" + expression + ", \"a\", , , \"aaaaaaaa\", , )";
        }

        String message = failure(expression, ObjectImage.builder().build(), EvaluationLimits.DEFAULT);

        assertThat(message).startsWith("Replace: ").contains("longer than 65536 characters", "maxValueLength");
    }

    @Test
    void templateAndRegexReplacementsAreBoundedToo() {
        ObjectImage source = ExpressionCases.image("x", "a".repeat(300), "long", "b".repeat(60_000));

        assertThat(failure("Replace([x], \"a\", , , , , Replace([x], \"a\", , , [long], , ))", source,
                EvaluationLimits.DEFAULT)).contains("maxValueLength");
        assertThat(failure("Replace([x], , \"a\", , \"$_\", , )", source, EvaluationLimits.DEFAULT))
                .contains("maxValueLength");
        assertThat(failure("Replace([x], , \"(?<g>a)\", \"g\", [long], , )", source, EvaluationLimits.DEFAULT))
                .contains("maxValueLength");
    }

    @Test
    void longOutputOfJoinConcatenationAndAppendFails() {
        ObjectImage source = ExpressionCases.image("half", "h".repeat(40_000));

        assertThat(failure("Join(\",\", [half], [half])", source, EvaluationLimits.DEFAULT))
                .startsWith("Join: ").contains("maxValueLength");
        assertThat(failure("[half] & [half]", source, EvaluationLimits.DEFAULT)).startsWith("&: ");
        assertThat(failure("Append([half], [half])", source, EvaluationLimits.DEFAULT)).startsWith("Append: ");
        assertThat(failure("ConvertToUTF8Hex([half])", source, EvaluationLimits.DEFAULT))
                .startsWith("ConvertToUTF8Hex: ");
        assertThat(value("Append([half], \"!\")", source, EvaluationLimits.DEFAULT).text()).hasSize(40_001);
    }

    @Test
    void theValueLimitIsConfigurableAndAppliesToEachValueOfAMultiValuedResult() {
        ObjectImage source = ExpressionCases.image("m", java.util.List.of("short", "x".repeat(20)));
        EvaluationLimits tight = new EvaluationLimits(10, 1_000);

        assertThat(failure("ToUpper([m])", source, tight)).contains("longer than 10 characters");
        assertThat(value("ToUpper(Item([m], 1))", source, tight).text()).isEqualTo("SHORT");
    }

    @Test
    void workAddsUpOverTheWholeEvaluation() {
        ObjectImage source = ExpressionCases.image("x", "x".repeat(600));
        EvaluationLimits tight = new EvaluationLimits(65_536, 3_000);

        assertThat(value("Join(\",\", ToLower([x]), ToLower([x]))", source, tight).text()).hasSize(1_201);
        assertThat(failure("Join(\",\", ToLower([x]), ToLower([x]), ToLower([x]), ToLower([x]))", source, tight))
                .contains("more than 3000 steps", "maxWorkSteps");
    }

    @Test
    void regexReadsAreWork() {
        ObjectImage source = ExpressionCases.image("x", "a".repeat(5_000));

        assertThat(failure("Replace([x], , \"b\", , \"c\", , )", source, new EvaluationLimits(65_536, 3_000)))
                .startsWith("Replace: ").contains("maxWorkSteps");
        assertThat(value("Replace([x], , \"b\", , \"c\", , )", source, new EvaluationLimits(65_536, 20_000)).text())
                .hasSize(5_000);
    }

    @Test
    void catastrophicRegexOnALongInputStopsAtTheHardCeiling() {
        ObjectImage source = ExpressionCases.image("x", "a".repeat(60_000) + "!");
        long started = System.nanoTime();

        String message = failure("Replace([x], , \"^(a|aa)+$\", , \"\", , )", source, EvaluationLimits.DEFAULT);

        assertThat(message).contains("exceeded its evaluation budget of " + DotNetRegex.MAX_STEPS + " steps");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(QUICKLY);
    }

    @Test
    void everyAttributeOfAnObjectStartsWithTheWholeBudget() throws EvaluationSignal {
        ObjectImage source = ExpressionCases.image("x", "x".repeat(600));
        ParsedExpression expression = Expressions.parse("Join(\",\", ToLower([x]), ToLower([x]))");
        EvaluationContext context = new EvaluationContext(source,
                ExpressionCases.environment().withLimits(new EvaluationLimits(65_536, 3_000)));

        for (String attribute : new String[]{"a", "b", "c"}) {
            context.beginAttribute(attribute);
            assertThat(expression.evaluate(context).text()).hasSize(1_201);
        }
    }

    private static String failure(String expression, ObjectImage source, EvaluationLimits limits) {
        long started = System.nanoTime();
        EvaluationOutcome outcome = Expressions.parse(expression).evaluate(source,
                ExpressionCases.environment().withLimits(limits));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(QUICKLY);
        assertThat(outcome).as(expression).isInstanceOf(EvaluationOutcome.Failed.class);
        return ((EvaluationOutcome.Failed) outcome).message();
    }

    private static Value value(String expression, ObjectImage source, EvaluationLimits limits) {
        EvaluationOutcome outcome = Expressions.parse(expression).evaluate(source,
                ExpressionCases.environment().withLimits(limits));
        assertThat(outcome).as(expression).isInstanceOf(EvaluationOutcome.Produced.class);
        return ((EvaluationOutcome.Produced) outcome).value();
    }
}

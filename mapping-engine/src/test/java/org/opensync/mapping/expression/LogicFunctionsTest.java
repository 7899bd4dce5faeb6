package org.opensync.mapping.expression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opensync.mapping.expression.ExpressionCases.IGNORE_ATTRIBUTE;
import static org.opensync.mapping.expression.ExpressionCases.IGNORE_OBJECT;
import static org.opensync.mapping.expression.ExpressionCases.error;
import static org.opensync.mapping.expression.ExpressionCases.row;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.opensync.mapping.value.ObjectImage;
import org.opensync.mapping.value.Value;

class LogicFunctionsTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                // IIF, comparisons, laziness
                row("IIF([country]=\"USA\", [country], [department])", "USA", "country", "USA", "department", "D"),
                row("IIF([country]=\"USA\", [country], [department])", "D", "country", "FR", "department", "D"),
                row("IIF([country]=\"\", \"none\", [country])", "none"),
                row("IIF([country]<>\"\", [country], \"none\")", "none"),
                row("IIF([StatusRehire]=1, \"rehire\", \"new\")", "rehire", "StatusRehire", "1"),
                row("IIF([n] > 9, \"big\", \"small\")", "big", "n", "10"),
                row("IIF([n] > \"9\", \"big\", \"small\")", "big", "n", "10"),
                row("IIF([s] > \"9\", \"after\", \"before\")", "after", "s", "a"),
                row("IIF([n] >= 10, 1, 0)", "1", "n", "10"),
                row("IIF([n] < -5, 1, 0)", "1", "n", "-6"),
                row("IIF([n] <= \"2.5\", 1, 0)", "1", "n", "2.50"),
                row("IIF([a] = \"abc\", 1, 0)", "0", "a", "ABC"),
                row("IIF(CDate([d]) < CDate(\"2020-01-01\"), \"old\", \"new\")", "old", "d", "12/31/2019 11:00:00 PM"),
                row("IIF(IsPresent([x]), [x], Error(\"never evaluated\"))", "v", "x", "v"),
                row("IIF(\"True\", 1, 0)", "1"),
                row("IIF([flag], 1, 0)", "0"),
                row("IIF([m] = \"a\", 1, 0)", error("multi-valued"), "m", List.of("a", "b")),
                row("IIF([x]=\"1\", [Department], IgnoreAttributeFlow)", IGNORE_ATTRIBUTE, "x", "2"),
                row("IIF([x]=\"1\", [Department], IgnoreObjectFlow)", IGNORE_OBJECT, "x", "2"),
                row("IIF([x]=\"1\", [Department], IgnoreObjectFlow)", "Sales", "x", "1", "Department", "Sales"),
                // Switch
                row("Switch([IsSoftDeleted], , \"False\", \"True\", \"True\", \"False\")", "True", "IsSoftDeleted", "False"),
                row("Switch([IsSoftDeleted], , \"False\", \"True\", \"True\", \"False\")", "False", "IsSoftDeleted", "True"),
                row("Switch([IsSoftDeleted], , \"False\", \"True\", \"True\", \"False\")", null, "IsSoftDeleted", "true"),
                row("Switch([IsSoftDeleted], , \"False\", \"True\", \"True\", \"False\")", null),
                row("Switch([code], \"other\", \"1\", \"one\")", "other", "code", "2"),
                row("Switch([country], [country], \"\", \"Other\")", "Other"),
                row("Switch([country], [country], \"\", \"Other\")", "Other", "country", ""),
                row("Switch([country], [country], \"\", \"Other\")", "FR", "country", "FR"),
                row("Switch([endDate], NumFromDate([endDate]), \"\", \"9223372036854775807\")", "9223372036854775807"),
                row("Switch([k], \"d\", \"a\", Error(\"lazy\"), \"b\", \"B\")", "B", "k", "b"),
                row("Switch([k], \"d\")", "d", "k", "x"),
                row("Switch([k], , \"x\", IgnoreAttributeFlow)", IGNORE_ATTRIBUTE, "k", "x"),
                row("Switch([m], \"d\", \"a\", \"A\")", error("multi-valued"), "m", List.of("a", "b")),
                // Coalesce
                row("Coalesce([a], [b], \"default\")", "B", "b", "B"),
                row("Coalesce([a], [b], \"default\")", "default"),
                row("Coalesce([a], [b], \"\")", ""),
                row("Coalesce([a], [b])", null),
                row("Coalesce([a], [b])", "", "a", "", "b", "B"),
                row("Coalesce([a])", "A", "a", "A"),
                row("Coalesce(\"only\")", "only"),
                row("Coalesce([a], [m])", List.of("x", "y"), "m", List.of("x", "y")),
                row("Coalesce([a], Error(\"lazy\"))", "A", "a", "A"),
                // IgnoreFlowIfNullOrEmpty
                row("IgnoreFlowIfNullOrEmpty([x])", IGNORE_ATTRIBUTE),
                row("IgnoreFlowIfNullOrEmpty([x])", IGNORE_ATTRIBUTE, "x", ""),
                row("IgnoreFlowIfNullOrEmpty([x])", "v", "x", "v"),
                row("IgnoreFlowIfNullOrEmpty([m])", List.of("a", "b"), "m", List.of("a", "b")),
                // CBool, Not
                row("CBool([n])", "True", "n", "5"),
                row("CBool([n])", "False", "n", "0"),
                row("CBool(\"true\")", "True"),
                row("CBool(\"yes\")", "False"),
                row("CBool([missing])", "False"),
                row("CBool(1 = 1)", "True"),
                row("CBool([m])", error("multi-valued"), "m", List.of("1", "0")),
                row("Not([IsSoftDeleted])", "False", "IsSoftDeleted", "True"),
                row("Not([IsSoftDeleted])", "True", "IsSoftDeleted", "False"),
                row("Not(\"anything\")", "True"),
                row("Not([missing])", "True"),
                row("Not(Not(\"True\"))", "True"),
                // predicates
                row("IsNull([x])", "True"),
                row("IsNull([x])", "False", "x", ""),
                row("IsNothing([x])", "True"),
                row("IsNullOrEmpty([x])", "True", "x", ""),
                row("IsNullOrEmpty([x])", "False", "x", "v"),
                row("IsPresent([x])", "True", "x", "v"),
                row("IsPresent([x])", "False", "x", ""),
                row("IsPresent([x])", "False"),
                row("IsString([x])", "True", "x", "v"),
                row("IsString(42)", "True"),
                row("IsString([x])", "False"),
                row("IsString([m])", "False", "m", List.of("a", "b")),
                // Error
                row("Error(\"custom failure\")", error("custom failure")),
                row("IIF([x]=\"\", Error(\"x is required\"), [x])", error("x is required")));
    }

    @Test
    void legacyNullConditionsReproduceTheReferenceServiceLimitation() {
        ParsedExpression expression = Expressions.parse("IIF([country]=\"\", \"Other\", [country])");
        EvaluationEnvironment legacy = ExpressionCases.environment().withLegacyNullConditions(true);

        assertThat(expression.evaluate(ExpressionCases.image(), legacy))
                .isEqualTo(new EvaluationOutcome.Ignored(FlowControlSignal.IGNORE_ATTRIBUTE));
        assertThat(expression.evaluate(ExpressionCases.image("country", "FR"), legacy))
                .isEqualTo(new EvaluationOutcome.Produced(Value.text("FR"), false));
        assertThat(expression.evaluate(ExpressionCases.image(), ExpressionCases.environment()))
                .isEqualTo(new EvaluationOutcome.Produced(Value.text("Other"), false));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @MethodSource("cases")
    void evaluates(String expression, Object expected, ObjectImage source) {
        ExpressionCases.check(expression, expected, source);
    }
}

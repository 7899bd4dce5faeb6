package org.opensync.mapping.expression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opensync.mapping.expression.ExpressionCases.error;
import static org.opensync.mapping.expression.ExpressionCases.row;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.opensync.mapping.value.ObjectImage;

class RoleAndGeneratorFunctionsTest {
    private static final String ADMIN = "{\"id\":\"06b07648\",\"value\":\"Admin\",\"displayName\":\"Administrator\"}";
    private static final String SCIM_USER =
            "{\"primary\":false,\"type\":\"WindowsAzureActiveDirectoryRole\",\"display\":\"User\",\"value\":\"User\"}";
    private static final String SCIM_ADMIN =
            "{\"primary\":false,\"type\":\"WindowsAzureActiveDirectoryRole\",\"display\":\"Administrator\",\"value\":\"Admin\"}";

    static Stream<Arguments> cases() {
        return Stream.of(
                row("SingleAppRoleAssignment([appRoleAssignments])", "Administrator", "appRoleAssignments", ADMIN),
                row("SingleAppRoleAssignment([appRoleAssignments])", "User", "appRoleAssignments", List.of("User", ADMIN)),
                row("SingleAppRoleAssignment([appRoleAssignments])", null),
                row("AppRoleAssignmentsComplex([appRoleAssignments])", List.of(SCIM_USER, SCIM_ADMIN),
                        "appRoleAssignments", List.of("User", ADMIN)),
                row("AssertiveAppRoleAssignmentsComplex([appRoleAssignments])", SCIM_USER, "appRoleAssignments", "User"),
                row("AppRoleAssignments([appRoleAssignments])", SCIM_ADMIN, "appRoleAssignments", ADMIN),
                row("AppRoleAssignmentsComplex([appRoleAssignments])", null),
                row("AppRoleAssignmentsComplex([appRoleAssignments])",
                        "{\"primary\":false,\"type\":\"WindowsAzureActiveDirectoryRole\",\"display\":\"{odd\",\"value\":\"{odd\"}",
                        "appRoleAssignments", "{odd"),
                row("Redact([password])", "s3cret", "password", "s3cret"),
                row("Redact([missing])", null),
                row("DefaultDomain()", error("no default domain")),
                row("RandomString(257, 0, 0, 0, 0, )", error("between 1 and 256")),
                row("RandomString(0, 0, 0, 0, 0, )", error("between 1 and 256")),
                row("RandomString(4, 2, 2, 1, 0, )", error("add up to 5")),
                row("RandomString(4, -1, 0, 0, 0, )", error("must not be negative")),
                row("RandomString(4, 1, 0, 0, 0, \"0123456789\")", error("MinimumNumbers cannot be met")),
                row("RandomString([n], 1, 0, 0, 0, )", error("must be an integer"), "n", "many"));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @MethodSource("cases")
    void evaluates(String expression, Object expected, ObjectImage source) {
        ExpressionCases.check(expression, expected, source);
    }

    @Test
    void redactMarksTheValueForTheLogs() {
        EvaluationOutcome outcome = Expressions.parse("Redact([password])")
                .evaluate(ExpressionCases.image("password", "s3cret"), ExpressionCases.environment());

        assertThat(outcome).isEqualTo(new EvaluationOutcome.Produced(org.opensync.mapping.value.Value.text("s3cret"), true));
    }

    @Test
    void anExpressionSaysWhetherItCallsRedactAnywhere() {
        assertThat(Expressions.parse("Redact(RandomString(16, 2, 2, 2, 2, ))").redacts()).isTrue();
        assertThat(Expressions.parse("IIF([a] = \"x\", Redact([b]), \"-\")").redacts()).isTrue();
        assertThat(Expressions.parse("\"p:\" & Redact([b])").redacts()).isTrue();
        assertThat(Expressions.parse("Join(\",\", [a], [b])").redacts()).isFalse();
        assertThat(Expressions.parse("[Redact]").redacts()).isFalse();
    }

    @Test
    void defaultDomainComesFromTheEnvironment() {
        EvaluationOutcome outcome = Expressions.parse("Join(\"@\", [user], DefaultDomain())")
                .evaluate(ExpressionCases.image("user", "jdoe"), ExpressionCases.environment().withDefaultDomain("contoso.com"));

        assertThat(text(outcome)).isEqualTo("jdoe@contoso.com");
    }

    @Test
    void defaultDomainWithoutAConfiguredDomainFailsTheFlowInsteadOfInventingOne() {
        EvaluationOutcome outcome = Expressions.parse("Join(\"@\", [user], DefaultDomain())")
                .evaluate(ExpressionCases.image("user", "jdoe"), ExpressionCases.environment());

        assertThat(outcome).isInstanceOfSatisfying(EvaluationOutcome.Failed.class,
                failed -> assertThat(failed.message()).contains("no default domain is configured"));
    }

    @Test
    void guidIsALowercaseVersion4GuidFromTheInjectedGenerator() {
        ParsedExpression guid = Expressions.parse("Guid()");
        EvaluationEnvironment seeded = ExpressionCases.environment().withRandom(new SplittableRandom(1));

        String first = text(guid.evaluate(ObjectImage.empty(), seeded));

        assertThat(first).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        assertThat(text(guid.evaluate(ObjectImage.empty(), seeded.withRandom(new SplittableRandom(1))))).isEqualTo(first);
        assertThat(text(guid.evaluate(ObjectImage.empty(), seeded.withRandom(new SplittableRandom(2))))).isNotEqualTo(first);
    }

    @Test
    void randomStringMeetsEveryMinimumAndAvoidsCharacters() {
        ParsedExpression expression = Expressions.parse("RandomString(12, 2, 3, 2, 4, \"0Oo1lI\")");
        for (int seed = 0; seed < 200; seed++) {
            String value = text(expression.evaluate(ObjectImage.empty(),
                    ExpressionCases.environment().withRandom(new SplittableRandom(seed))));

            assertThat(value).hasSize(12).doesNotContainAnyWhitespaces();
            assertThat(value.chars().filter(Character::isDigit).count()).isGreaterThanOrEqualTo(2);
            assertThat(value.chars().filter(c -> !Character.isLetterOrDigit(c)).count()).isGreaterThanOrEqualTo(3);
            assertThat(value.chars().filter(Character::isUpperCase).count()).isGreaterThanOrEqualTo(2);
            assertThat(value.chars().filter(Character::isLowerCase).count()).isGreaterThanOrEqualTo(4);
            assertThat(value).doesNotContain("0", "O", "o", "1", "l", "I");
        }
    }

    @Test
    void randomStringAllowsTheMaximumLength() {
        String value = text(Expressions.parse("RandomString(256, 0, 0, 0, 0, )")
                .evaluate(ObjectImage.empty(), ExpressionCases.environment()));

        assertThat(value).hasSize(256);
    }

    private static String text(EvaluationOutcome outcome) {
        assertThat(outcome).isInstanceOf(EvaluationOutcome.Produced.class);
        return ((EvaluationOutcome.Produced) outcome).value().text();
    }
}

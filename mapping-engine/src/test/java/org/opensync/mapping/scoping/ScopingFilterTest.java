package org.opensync.mapping.scoping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.opensync.mapping.model.AttributeDefinition;
import org.opensync.mapping.model.AttributeType;
import org.opensync.mapping.model.Filter;
import org.opensync.mapping.model.FilterClause;
import org.opensync.mapping.model.FilterGroup;
import org.opensync.mapping.model.FilterOperand;
import org.opensync.mapping.model.ObjectDefinition;
import org.opensync.mapping.value.ObjectImage;

class ScopingFilterTest {
    private static final Object MISSING = new Object();

    /** operatorName, attribute value (String, List, "" or MISSING), operand values, expected. */
    static Stream<Arguments> clauses() {
        return Stream.of(
                clause("EQUALS", "sales", List.of("sales"), true),
                clause("EQUALS", "Sales", List.of("sales"), false),
                clause("EQUALS", "sales", List.of("hr", "sales"), true),
                clause("EQUALS", MISSING, List.of("sales"), false),
                clause("EQUALS", "", List.of(""), false),
                clause("equals", "sales", List.of("sales"), true),
                clause("EQUALS", List.of("sales", "sales"), List.of("sales"), true),
                clause("EQUALS", List.of("sales", "hr"), List.of("sales"), false),
                clause("NOT EQUALS", "hr", List.of("sales"), true),
                clause("NOT EQUALS", "Sales", List.of("sales"), true),
                clause("NOT EQUALS", "sales", List.of("sales"), false),
                clause("NOT EQUALS", "sales", List.of("hr", "sales"), false),
                clause("NOT EQUALS", MISSING, List.of("sales"), false),
                clause("NOT EQUALS", "", List.of("sales"), false),
                clause("IS TRUE", "True", List.of(), true),
                clause("IS TRUE", "true", List.of(), true),
                clause("IS TRUE", "False", List.of(), false),
                clause("IS TRUE", "yes", List.of(), false),
                clause("IS TRUE", MISSING, List.of(), false),
                clause("IS FALSE", "False", List.of(), true),
                clause("IS FALSE", "FALSE", List.of(), true),
                clause("IS FALSE", "True", List.of(), false),
                clause("IS FALSE", MISSING, List.of(), false),
                clause("IS NULL", MISSING, List.of(), true),
                clause("IS NULL", "", List.of(), true),
                clause("IS NULL", "x", List.of(), false),
                clause("IS NULL", List.of("x", "y"), List.of(), false),
                clause("IS NOT NULL", "x", List.of(), true),
                clause("IS NOT NULL", "", List.of(), false),
                clause("IS NOT NULL", MISSING, List.of(), false),
                clause("REGEX MATCH", "jdoe@contoso.com", List.of(".*\\@contoso.com"), true),
                clause("REGEX MATCH", "jdoe@Contoso.com", List.of(".*\\@contoso.com"), false),
                clause("REGEX MATCH", "jdoe@contoso.com.evil", List.of(".*\\@contoso.com"), false),
                clause("REGEX MATCH", "1234567", List.of("(1[0-9][0-9][0-9][0-9][0-9][0-9])"), true),
                clause("REGEX MATCH", "12345678", List.of("(1[0-9][0-9][0-9][0-9][0-9][0-9])"), false),
                clause("REGEX MATCH", "42", List.of("([1-9][0-9])"), true),
                clause("REGEX MATCH", "٤٢", List.of("\\d+"), true),
                clause("REGEX MATCH", MISSING, List.of(".*"), false),
                clause("REGEX MATCH", "", List.of(".*"), false),
                clause("NOT REGEX MATCH", "jdoe@fabrikam.com", List.of(".*\\@contoso.com"), true),
                clause("NOT REGEX MATCH", "jdoe@contoso.com", List.of(".*\\@contoso.com"), false),
                clause("NOT REGEX MATCH", MISSING, List.of(".*\\@contoso.com"), false),
                clause("NOT REGEX MATCH", "", List.of(".*\\@contoso.com"), false),
                clause("Greater_Than", "10", List.of("9"), true),
                clause("Greater_Than", "9", List.of("9"), false),
                clause("Greater_Than", "10", List.of("nine"), false),
                clause("Greater_Than", "ten", List.of("9"), false),
                clause("Greater_Than", "-1", List.of("-2"), true),
                clause("Greater_Than", MISSING, List.of("9"), false),
                clause("Greater_Than_OR_EQUALS", "9", List.of("9"), true),
                clause("Greater_Than_OR_EQUALS", "8", List.of("9"), false),
                clause("Less_Than", "8", List.of("9"), true),
                clause("Less_Than", "9", List.of("9"), false),
                clause("Less_Than_OR_EQUALS", "9", List.of("9"), true),
                clause("Less_Than_OR_EQUALS", "10", List.of("9"), false),
                clause("Includes", "Sales EMEA", List.of("EMEA"), true),
                clause("Includes", "Sales EMEA", List.of("emea"), false),
                clause("Includes", MISSING, List.of("EMEA"), false),
                clause("Excludes", "Sales EMEA", List.of("APAC"), true),
                clause("Excludes", "Sales EMEA", List.of("EMEA"), false),
                clause("Excludes", MISSING, List.of("EMEA"), false),
                clause("ENDS_WITH", "jdoe@contoso.com", List.of("@contoso.com"), true),
                clause("ENDS_WITH", "jdoe@contoso.com", List.of("@CONTOSO.COM"), false),
                clause("ENDS_WITH", MISSING, List.of("x"), false),
                clause("&", "HR", List.of("HR,Sales,IT"), true),
                clause("&", "Legal", List.of("HR,Sales,IT"), false),
                clause("&", "hr", List.of("HR,Sales,IT"), false),
                clause("&", MISSING, List.of("HR"), false),
                clause("!&", "Legal", List.of("HR,Sales,IT"), true),
                clause("!&", "HR", List.of("HR,Sales,IT"), false),
                clause("!&", MISSING, List.of("HR"), false));
    }

    private static Arguments clause(String operator, Object value, List<String> operands, boolean expected) {
        return Arguments.of(operator, value, operands, expected);
    }

    @ParameterizedTest(name = "[department] {0} {2} with {1} → {3}")
    @MethodSource("clauses")
    void evaluatesEveryOperator(String operator, Object value, List<String> operands, boolean expected) {
        ScopingFilter filter = ScopingFilter.compile(filter(group("g", clause("department", operator, operands))));

        assertThat(filter.evaluate(image(value)).inScope()).isEqualTo(expected);
    }

    @Test
    void groupsAreOredAndClausesAnded() {
        ScopingFilter filter = ScopingFilter.compile(filter(
                group("Sales in EMEA", clause("department", "EQUALS", List.of("Sales")),
                        clause("region", "EQUALS", List.of("EMEA"))),
                group("Any contractor", clause("employeeType", "EQUALS", List.of("Contractor")))));

        assertThat(filter.evaluate(attributes("department", "Sales", "region", "EMEA")).inScope()).isTrue();
        assertThat(filter.evaluate(attributes("department", "Sales", "region", "APAC")).inScope()).isFalse();
        assertThat(filter.evaluate(attributes("employeeType", "Contractor")).inScope()).isTrue();
        assertThat(filter.evaluate(attributes()).inScope()).isFalse();
    }

    @Test
    void aDecisionSaysWhichClauseOfEachGroupLeftTheObjectOut() {
        ScopingFilter filter = ScopingFilter.compile(filter(
                group("Sales in EMEA", clause("department", "EQUALS", List.of("Sales")),
                        clause("region", "EQUALS", List.of("EMEA", "AMER"))),
                group("Any contractor", clause("employeeType", "EQUALS", List.of("Contractor")))));

        assertThat(filter.evaluate(attributes("department", "Sales", "region", "APAC")).whyNot()).isEqualTo(
                "groups: group 1: region EQUALS 'EMEA' or 'AMER' is false for 'APAC'; "
                        + "group 2: employeeType EQUALS 'Contractor' is false for no value");
        assertThat(filter.evaluate(attributes("employeeType", "Contractor")).whyNot()).isNull();
        assertThat(filter.evaluate(attributes("department", "x".repeat(300))).whyNot())
                .contains("'" + "x".repeat(100) + "…'");
    }

    @Test
    void absentOrEmptyFiltersLetEverythingThrough() {
        assertThat(ScopingFilter.compile(null).evaluate(attributes()).provisioned()).isTrue();
        assertThat(ScopingFilter.compile(new Filter(null, null, null)).evaluate(attributes()).provisioned()).isTrue();
        assertThat(ScopingFilter.compile(filter(group("empty"))).evaluate(attributes()).inScope()).isTrue();
    }

    @Test
    void inputAndCategoryGroupsAreReportedSeparately() {
        ScopingFilter filter = ScopingFilter.compile(new Filter(
                List.of(group("users", clause("objectClass", "EQUALS", List.of("user")))),
                List.of(group("enabled", clause("enabled", "IS TRUE", List.of()))),
                List.of(group("has mail", clause("mail", "IS NOT NULL", List.of())))));

        ScopeDecision decision = filter.evaluate(attributes("enabled", "True", "objectClass", "user"));

        assertThat(decision.inScope()).isTrue();
        assertThat(decision.inCategory()).isTrue();
        assertThat(decision.passesInputFilter()).isFalse();
        assertThat(decision.provisioned()).isFalse();
    }

    @Test
    void regexSubstringMatchIsACompatibilitySwitch() {
        Filter filter = filter(group("g", clause("mail", "REGEX MATCH", List.of("@contoso\\.com"))));
        ObjectImage source = attributes("mail", "jdoe@contoso.com");

        assertThat(ScopingFilter.compile(filter).evaluate(source).inScope()).isFalse();
        assertThat(ScopingFilter.compile(filter, null, new ScopingOptions(true)).evaluate(source).inScope()).isTrue();
    }

    @Test
    void runawayRegularExpressionsFailTheDecisionInsteadOfHanging() {
        ScopingFilter filter = ScopingFilter.compile(filter(group("g", clause("x", "REGEX MATCH", List.of("(.*,){15}P")))));

        ScopeDecision decision = filter.evaluate(attributes("x", "a,".repeat(30)));

        assertThat(decision.failed()).isTrue();
        assertThat(decision.provisioned()).isFalse();
        assertThat(decision.error()).contains("evaluation budget");
    }

    @Test
    void compilationReportsEveryProblemWithItsPath() {
        ObjectDefinition user = new ObjectDefinition(List.of(
                AttributeDefinition.of("department", AttributeType.String),
                AttributeDefinition.of("hireDate", AttributeType.DateTime),
                new AttributeDefinition(false, null, false, null, false, null, true, null, "proxyAddresses", null, false,
                        null)), null, "User", null);
        Filter filter = filter(group("g",
                clause("department", "LIKE", List.of("x")),
                clause("department", "EQUALS", List.of()),
                clause("mail", "IS NOT NULL", List.of()),
                clause("proxyAddresses", "EQUALS", List.of("x")),
                clause("hireDate", "EQUALS", List.of("x")),
                clause("department", "REGEX MATCH", List.of("(unclosed")),
                clause("department", "IS NOT NULL", List.of())));

        assertThatThrownBy(() -> ScopingFilter.compile(filter, user, ScopingOptions.DEFAULT))
                .isInstanceOfSatisfying(InvalidScopingFilterException.class, e -> assertThat(e.problems()).containsExactly(
                        "groups[0].clauses[0]: unknown operatorName 'LIKE'",
                        "groups[0].clauses[1]: EQUALS needs at least one targetOperand value",
                        "groups[0].clauses[2]: sourceOperandName 'mail' is not an attribute of object 'User'",
                        "groups[0].clauses[3]: 'proxyAddresses' is multi-valued, and multi-valued attributes cannot be used"
                                + " in scoping filters",
                        "groups[0].clauses[4]: EQUALS does not support DateTime attributes such as 'hireDate'",
                        "groups[0].clauses[5]: invalid regular expression '(unclosed': Unclosed group"));
    }

    @Test
    void onlyTheDocumentedOperatorsArePublished() {
        assertThat(Arrays.stream(ScopeOperator.values()).filter(ScopeOperator::published).map(ScopeOperator::graphName))
                .containsExactly("EQUALS", "NOT EQUALS", "IS TRUE", "IS FALSE", "IS NULL", "IS NOT NULL", "REGEX MATCH",
                        "NOT REGEX MATCH");
    }

    static Filter filter(FilterGroup... groups) {
        return new Filter(null, List.of(groups), null);
    }

    static FilterGroup group(String name, FilterClause... clauses) {
        return new FilterGroup(List.of(clauses), name);
    }

    static FilterClause clause(String attribute, String operator, List<String> operands) {
        return new FilterClause(operator, attribute, new FilterOperand(operands));
    }

    private static ObjectImage image(Object value) {
        if (value == MISSING) {
            return attributes();
        }
        return value instanceof List<?> list
                ? ObjectImage.builder().put("department", list.stream().map(String.class::cast).toList()).build()
                : attributes("department", (String) value);
    }

    private static ObjectImage attributes(String... pairs) {
        ObjectImage.Builder builder = ObjectImage.builder();
        List<String> list = new ArrayList<>(List.of(pairs));
        for (int i = 0; i < list.size(); i += 2) {
            builder.put(list.get(i), list.get(i + 1));
        }
        return builder.build();
    }
}

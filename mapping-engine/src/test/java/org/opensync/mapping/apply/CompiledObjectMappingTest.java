package org.opensync.mapping.apply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opensync.mapping.apply.Mappings.attribute;
import static org.opensync.mapping.apply.Mappings.definition;
import static org.opensync.mapping.apply.Mappings.map;
import static org.opensync.mapping.apply.Mappings.object;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.opensync.mapping.expression.EvaluationEnvironment;
import org.opensync.mapping.model.AttributeFlowBehavior;
import org.opensync.mapping.model.AttributeFlowType;
import org.opensync.mapping.model.AttributeMapping;
import org.opensync.mapping.model.AttributeMappingSource;
import org.opensync.mapping.model.AttributeMappingSourceType;
import org.opensync.mapping.model.AttributeType;
import org.opensync.mapping.model.Filter;
import org.opensync.mapping.model.FilterClause;
import org.opensync.mapping.model.FilterGroup;
import org.opensync.mapping.model.FilterOperand;
import org.opensync.mapping.model.ObjectDefinition;
import org.opensync.mapping.model.ObjectFlowType;
import org.opensync.mapping.model.ObjectMapping;
import org.opensync.mapping.value.ObjectImage;

class CompiledObjectMappingTest {
    private static final ObjectDefinition SOURCE = definition("User", attribute("mail", AttributeType.String),
            attribute("department", AttributeType.String), attribute("givenName", AttributeType.String));
    private static final ObjectDefinition TARGET = definition("User", attribute("id", AttributeType.String, "anchor"),
            attribute("userName", AttributeType.String), attribute("title", AttributeType.String),
            attribute("department", AttributeType.String));

    @Test
    void reportsEveryProblemWithItsPath() {
        ObjectMapping mapping = object(
                new Filter(null, List.of(new FilterGroup(List.of(new FilterClause("LIKE", "mail", new FilterOperand(List.of("x")))),
                        "g")), null),
                map("id", "[mail]"),
                map("nickname", "[mail]"),
                map("title", "ToLower([Mail])"),
                map("department", "[department]"),
                map("department", "[department]"),
                map("userName", "SelectUniqueValue([mail], [givenName])", AttributeFlowType.Always,
                        AttributeFlowBehavior.FlowWhenChanged, null, 1),
                new AttributeMapping(null, false, null, null, 0, null, "title"),
                new AttributeMapping(null, false, null, null, 0, new AttributeMappingSource(null, "Nope", null,
                        AttributeMappingSourceType.Function), "userName"));

        assertThatThrownBy(() -> CompiledObjectMapping.compile(mapping, SOURCE, TARGET, MappingOptions.DEFAULT))
                .isInstanceOfSatisfying(InvalidMappingException.class, e -> assertThat(e.problems()).containsExactly(
                        "attributeMappings[0].targetAttributeName: 'id' is the target's anchor and cannot be mapped",
                        "attributeMappings[1].targetAttributeName: 'nickname' is not an attribute of object 'User'",
                        "attributeMappings[2].source.parameters[0].value: unknown attribute 'Mail', expected an attribute "
                                + "of object 'User' (names are case-sensitive: did you mean [mail]?)",
                        "attributeMappings[4].targetAttributeName: 'department' is mapped more than once",
                        "attributeMappings[5]: SelectUniqueValue cannot be used on a matching attribute",
                        "attributeMappings[5]: SelectUniqueValue requires flowType ObjectAddOnly",
                        "attributeMappings[6].targetAttributeName: 'title' is mapped more than once",
                        "attributeMappings[6]: a mapping without source needs a defaultValue",
                        "attributeMappings[7].targetAttributeName: 'userName' is mapped more than once",
                        "attributeMappings[7].source: unknown function 'Nope', expected a known function such as "
                                + "Append, AppRoleAssignments, AppRoleAssignmentsComplex, AssertiveAppRoleAssignmentsComplex, "
                                + "BitAnd, CBool…",
                        "scope.groups[0].clauses[0]: unknown operatorName 'LIKE'"));
    }

    @Test
    void exposesScopeFlowTypesAndSourceAttributes() {
        ObjectMapping written = new ObjectMapping(List.of(map("userName", "ToLower([mail])"),
                map("title", "Join(\" \", [givenName], [mail])")), false,
                java.util.EnumSet.of(ObjectFlowType.Add, ObjectFlowType.Update), null, "Users",
                new Filter(null, List.of(new FilterGroup(List.of(new FilterClause("EQUALS", "department",
                        new FilterOperand(List.of("Sales")))), "sales")), null), "User", "User");

        CompiledObjectMapping mapping = CompiledObjectMapping.compile(written, SOURCE, TARGET, MappingOptions.DEFAULT);

        assertThat(mapping.enabled()).isFalse();
        assertThat(mapping.allows(ObjectFlowType.Update)).isTrue();
        assertThat(mapping.allows(ObjectFlowType.Delete)).isFalse();
        assertThat(mapping.sourceAttributes()).containsExactly("mail", "givenName");
        assertThat(mapping.selectsUniqueValues()).isFalse();
        assertThat(CompiledObjectMapping.compile(object(map("userName", "SelectUniqueValue([mail], [givenName])",
                AttributeFlowType.ObjectAddOnly, AttributeFlowBehavior.FlowWhenChanged, null, 0)))
                .selectsUniqueValues()).isTrue();
        assertThat(mapping.scope(ObjectImage.builder().put("department", "Sales").build()).inScope()).isTrue();
        assertThat(mapping.scope(ObjectImage.builder().put("department", "sales").build()).inScope()).isFalse();
    }

    @Test
    void anAttributeOverTheLimitsFailsAloneAndTheOthersAreComputed() {
        CompiledObjectMapping mapping = CompiledObjectMapping.compile(object(
                map("userName", "ToLower([mail])"),
                map("title", "Replace([givenName], \"o\", , , [givenName] & [givenName] & [givenName], , )")));
        ObjectImage source = ObjectImage.builder().put("mail", "A@X").put("givenName", "o".repeat(200)).build();

        MappingResult result = mapping.apply(source, null, Operation.CREATE, EvaluationEnvironment.system());

        assertThat(result.changes()).extracting(AttributeChange::targetAttributeName).containsExactly("userName");
        assertThat(result.failures()).singleElement().satisfies(failure -> {
            assertThat(failure.targetAttributeName()).isEqualTo("title");
            assertThat(failure.code()).isEqualTo("ExpressionEvaluationFailed");
            assertThat(failure.message()).contains("maxValueLength");
        });
    }

    @Test
    void oneCompiledMappingServesManyThreads() throws Exception {
        CompiledObjectMapping mapping = CompiledObjectMapping.compile(object(
                map("userName", "ToLower([mail])"),
                map("title", "Replace([givenName], , \"(?<first>\\\\w)\\\\w*\", , \"${first}.\", , )")));
        List<ObjectImage> sources = IntStream.range(0, 2_000).mapToObj(i -> ObjectImage.builder()
                .put("mail", "User" + i + "@X").put("givenName", "John Quincy " + i).build()).toList();
        List<String> expected = sources.stream().map(source -> render(mapping, source)).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<String>>> runs = IntStream.range(0, 8).mapToObj(thread -> pool.submit(() ->
                    sources.stream().map(source -> render(mapping, source)).toList())).toList();
            for (Future<List<String>> run : runs) {
                assertThat(run.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(expected.get(7)).isEqualTo("user7@x|J. Q. 7.");
    }

    private static String render(CompiledObjectMapping mapping, ObjectImage source) {
        MappingResult result = mapping.apply(source, null, Operation.CREATE, EvaluationEnvironment.system());
        return result.changes().get(0).value().text() + "|" + result.changes().get(1).value().text();
    }
}

package org.opensync.mapping.apply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opensync.mapping.apply.Mappings.attribute;
import static org.opensync.mapping.apply.Mappings.definition;
import static org.opensync.mapping.apply.Mappings.map;
import static org.opensync.mapping.apply.Mappings.object;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.opensync.mapping.expression.EvaluationEnvironment;
import org.opensync.mapping.model.AttributeFlowBehavior;
import org.opensync.mapping.model.AttributeFlowType;
import org.opensync.mapping.model.AttributeType;
import org.opensync.mapping.model.ObjectDefinition;
import org.opensync.mapping.scoping.ScopingOptions;
import org.opensync.mapping.value.BooleanValue;
import org.opensync.mapping.value.ObjectImage;
import org.opensync.mapping.value.Value;

class AttributeFlowTest {
    private static final EvaluationEnvironment ENVIRONMENT = EvaluationEnvironment.system();
    private static final ObjectDefinition SOURCE = definition("User",
            attribute("mail", AttributeType.String, "flowNullValues"),
            attribute("department", AttributeType.String, "flowNullValues"),
            attribute("title", AttributeType.String),
            attribute("proxyAddresses", AttributeType.String, "multivalued"),
            attribute("IsSoftDeleted", AttributeType.Boolean));
    private static final ObjectDefinition TARGET = definition("User",
            attribute("id", AttributeType.String, "anchor"),
            attribute("userName", AttributeType.String, "required"),
            attribute("email", AttributeType.String, "flowNullValues"),
            attribute("exactName", AttributeType.String, "caseExact"),
            attribute("department", AttributeType.String, "flowNullValues"),
            attribute("title", AttributeType.String),
            attribute("emails", AttributeType.String, "multivalued"),
            attribute("active", AttributeType.Boolean),
            attribute("employeeNumber", AttributeType.Integer));

    private static MappingResult apply(CompiledObjectMapping mapping, ObjectImage source, ObjectImage target,
            Operation operation) {
        return mapping.apply(source, target, operation, ENVIRONMENT);
    }

    private static CompiledObjectMapping compile(org.opensync.mapping.model.AttributeMapping... attributes) {
        return CompiledObjectMapping.compile(object(attributes), SOURCE, TARGET, MappingOptions.DEFAULT);
    }

    private static ObjectImage image(String... pairs) {
        ObjectImage.Builder builder = ObjectImage.builder();
        for (int i = 0; i < pairs.length; i += 2) {
            builder.put(pairs[i], pairs[i + 1]);
        }
        return builder.build();
    }

    private static AttributeChange set(String target, String value) {
        return new AttributeChange(target, ChangeKind.SET, Value.text(value), false);
    }

    @Nested
    class FlowTypeAlways {
        private final CompiledObjectMapping mapping = compile(map("userName", "[mail]"), map("title", "[title]"));

        @Test
        void exportsEveryValueOnCreate() {
            assertThat(apply(mapping, image("mail", "a@x", "title", "Dev"), null, Operation.CREATE).changes())
                    .containsExactly(set("userName", "a@x"), set("title", "Dev"));
        }

        @Test
        void flowWhenChangedSkipsValuesEqualIgnoringCase() {
            MappingResult result = apply(mapping, image("mail", "A@X", "title", "Dev"),
                    image("userName", "a@x", "title", "Lead"), Operation.UPDATE);

            assertThat(result.changes()).containsExactly(set("title", "Dev"));
        }

        @Test
        void caseExactTargetsCountCaseOnlyDifferences() {
            CompiledObjectMapping exact = compile(map("exactName", "[mail]"));

            assertThat(apply(exact, image("mail", "A@X"), image("exactName", "a@x"), Operation.UPDATE).changes())
                    .containsExactly(set("exactName", "A@X"));
            assertThat(apply(exact, image("mail", "a@x"), image("exactName", "a@x"), Operation.UPDATE).changes()).isEmpty();
        }

        @Test
        void unknownTargetMeansEverythingIsExported() {
            assertThat(apply(mapping, image("mail", "a@x"), null, Operation.UPDATE).changes())
                    .containsExactly(set("userName", "a@x"));
        }

        @Test
        void flowAlwaysExportsUnchangedValues() {
            CompiledObjectMapping always = compile(map("title", "[title]", AttributeFlowType.Always,
                    AttributeFlowBehavior.FlowAlways, null, 0));

            assertThat(apply(always, image("title", "Dev"), image("title", "Dev"), Operation.UPDATE).changes())
                    .containsExactly(set("title", "Dev"));
        }

        @Test
        void multiValuedComparisonIgnoresOrder() {
            CompiledObjectMapping emails = compile(map("emails", "[proxyAddresses]"));
            ObjectImage source = ObjectImage.builder().put("proxyAddresses", "b", "a").build();
            ObjectImage target = ObjectImage.builder().put("emails", "A", "B").build();

            assertThat(apply(emails, source, target, Operation.UPDATE).changes()).isEmpty();
        }
    }

    @Nested
    class AddOnlyFlowTypes {
        @Test
        void objectAddOnlyFlowsOnlyOnCreate() {
            CompiledObjectMapping mapping = compile(map("title", "[title]", AttributeFlowType.ObjectAddOnly,
                    AttributeFlowBehavior.FlowWhenChanged, null, 0));

            assertThat(apply(mapping, image("title", "Dev"), null, Operation.CREATE).changes())
                    .containsExactly(set("title", "Dev"));
            assertThat(apply(mapping, image("title", "Dev"), image(), Operation.UPDATE).changes()).isEmpty();
        }

        @Test
        void attributeAddOnlyFlowsOnlyIntoAnEmptyTarget() {
            CompiledObjectMapping mapping = compile(map("title", "[title]", AttributeFlowType.AttributeAddOnly,
                    AttributeFlowBehavior.FlowWhenChanged, null, 0));

            assertThat(apply(mapping, image("title", "Dev"), image(), Operation.UPDATE).changes())
                    .containsExactly(set("title", "Dev"));
            assertThat(apply(mapping, image("title", "Dev"), image("title", "Old"), Operation.UPDATE).changes()).isEmpty();
            assertThat(apply(mapping, image("title", "Dev"), null, Operation.UPDATE).changes()).isEmpty();
            assertThat(apply(mapping, image("title", "Dev"), null, Operation.CREATE).changes())
                    .containsExactly(set("title", "Dev"));
        }

        @Test
        void valueAddOnlyAddsMissingValuesAndNeverRemoves() {
            CompiledObjectMapping mapping = compile(map("emails", "[proxyAddresses]", AttributeFlowType.ValueAddOnly,
                    AttributeFlowBehavior.FlowWhenChanged, null, 0));
            ObjectImage source = ObjectImage.builder().put("proxyAddresses", "b", "c").build();

            assertThat(apply(mapping, source, ObjectImage.builder().put("emails", "a", "B").build(), Operation.UPDATE)
                    .changes()).containsExactly(new AttributeChange("emails", ChangeKind.ADD_VALUES, Value.text("c"), false));
            assertThat(apply(mapping, source, ObjectImage.builder().put("emails", "b", "c", "d").build(),
                    Operation.UPDATE).changes()).isEmpty();
            assertThat(apply(mapping, source, image(), Operation.UPDATE).changes()).containsExactly(
                    new AttributeChange("emails", ChangeKind.ADD_VALUES, Value.of(List.of("b", "c")), false));
        }

        @Test
        void multiValueAddOnlySendsOnlyAdditions() {
            CompiledObjectMapping mapping = compile(map("emails", "[proxyAddresses]", AttributeFlowType.MultiValueAddOnly,
                    AttributeFlowBehavior.FlowWhenChanged, null, 0));
            ObjectImage source = ObjectImage.builder().put("proxyAddresses", "a", "b", "c").build();

            assertThat(apply(mapping, source, ObjectImage.builder().put("emails", "a").build(), Operation.UPDATE)
                    .changes()).containsExactly(
                            new AttributeChange("emails", ChangeKind.ADD_VALUES, Value.of(List.of("b", "c")), false));
        }

        @Test
        void valueAddOnlyOnASingleValuedTargetBehavesLikeAttributeAddOnly() {
            CompiledObjectMapping mapping = compile(map("title", "[title]", AttributeFlowType.ValueAddOnly,
                    AttributeFlowBehavior.FlowWhenChanged, null, 0));

            assertThat(apply(mapping, image("title", "Dev"), image("title", "Old"), Operation.UPDATE).changes()).isEmpty();
            assertThat(apply(mapping, image("title", "Dev"), image(), Operation.UPDATE).changes())
                    .containsExactly(set("title", "Dev"));
        }
    }

    @Nested
    class DefaultValues {
        private final CompiledObjectMapping mapping = compile(
                map("title", "[title]", AttributeFlowType.Always, AttributeFlowBehavior.FlowWhenChanged, "Staff", 0),
                map("userName", "[mail]", AttributeFlowType.Always, AttributeFlowBehavior.FlowWhenChanged, "nobody", 0));

        @Test
        void applyOnCreateWhenTheSourceIsNull() {
            assertThat(apply(mapping, image(), null, Operation.CREATE).changes())
                    .containsExactly(set("title", "Staff"), set("userName", "nobody"));
        }

        @Test
        void areIgnoredOnUpdateUnlessRequiredAndTargetEmpty() {
            assertThat(apply(mapping, image(), image(), Operation.UPDATE).changes())
                    .containsExactly(set("userName", "nobody"));
            assertThat(apply(mapping, image(), image("userName", "x"), Operation.UPDATE).changes()).isEmpty();
        }

        @Test
        void requiredWithoutValueOrDefaultFailsOnCreate() {
            CompiledObjectMapping noDefault = compile(map("userName", "[mail]"), map("title", "[title]"));

            MappingResult result = apply(noDefault, image("title", "Dev"), null, Operation.CREATE);

            assertThat(result.changes()).containsExactly(set("title", "Dev"));
            assertThat(result.failures()).extracting(AttributeFailure::code).containsExactly("MandatoryFieldsMissing");
        }

        @Test
        void mappingTypeNoneFillsOnlyAnEmptyTarget() {
            CompiledObjectMapping none = compile(map("title", null, AttributeFlowType.Always,
                    AttributeFlowBehavior.FlowWhenChanged, "ISO-8859-1", 0));

            assertThat(apply(none, image(), null, Operation.CREATE).changes()).containsExactly(set("title", "ISO-8859-1"));
            assertThat(apply(none, image(), image(), Operation.UPDATE).changes()).containsExactly(set("title", "ISO-8859-1"));
            assertThat(apply(none, image(), image("title", "UTF-8"), Operation.UPDATE).changes()).isEmpty();
            assertThat(apply(none, image(), null, Operation.UPDATE).changes()).isEmpty();
        }
    }

    @Nested
    class NullHandling {
        private final org.opensync.mapping.model.AttributeMapping email = map("email", "[mail]");
        private final org.opensync.mapping.model.AttributeMapping title = map("title", "[title]");

        @Test
        void nullIsNeverExportedWithoutNullFlow() {
            CompiledObjectMapping mapping = compile(email, title);

            assertThat(apply(mapping, image(), image("email", "old", "title", "old"), Operation.UPDATE).changes()).isEmpty();
        }

        @Test
        void emptyStringsFlowAsIs() {
            CompiledObjectMapping mapping = compile(title);

            assertThat(apply(mapping, image("title", ""), image("title", "old"), Operation.UPDATE).changes())
                    .containsExactly(set("title", ""));
        }

        @Test
        void nullFlowClearsOnUpdateWhenEveryGateIsOpen() {
            CompiledObjectMapping mapping = CompiledObjectMapping.compile(object(email, title), SOURCE, TARGET,
                    new MappingOptions(true, ScopingOptions.DEFAULT));
            AttributeChange clear = new AttributeChange("email", ChangeKind.CLEAR, null, false);

            assertThat(apply(mapping, image(), image("email", "old", "title", "old"), Operation.UPDATE).changes())
                    .containsExactly(clear);
            assertThat(apply(mapping, image("mail", ""), image("email", "old"), Operation.UPDATE).changes())
                    .containsExactly(clear);
            assertThat(apply(mapping, image(), image(), Operation.UPDATE).changes()).isEmpty();
            assertThat(apply(mapping, image(), null, Operation.CREATE).changes()).isEmpty();
            assertThat(mapping.attributeMappings()).extracting(CompiledAttributeMapping::nullFlow)
                    .containsExactly(true, false);
        }

        @Test
        void nullFlowNeedsTheJobTypeToAllowIt() {
            CompiledObjectMapping mapping = compile(email);

            assertThat(apply(mapping, image(), image("email", "old"), Operation.UPDATE).changes()).isEmpty();
        }

        @Test
        void ignoreAttributeFlowWinsOverNullFlow() {
            CompiledObjectMapping mapping = CompiledObjectMapping.compile(object(map("email", "IgnoreFlowIfNullOrEmpty([mail])")),
                    SOURCE, TARGET, new MappingOptions(true, ScopingOptions.DEFAULT));

            assertThat(apply(mapping, image(), image("email", "old"), Operation.UPDATE).changes()).isEmpty();
        }
    }

    @Nested
    class FlowControlAndErrors {
        @Test
        void ignoreObjectFlowSkipsTheWholeObject() {
            CompiledObjectMapping mapping = compile(map("title", "[title]"),
                    map("department", "IIF([department]=\"Terminated\", IgnoreObjectFlow, [department])"));

            MappingResult result = apply(mapping, image("title", "Dev", "department", "Terminated"), null, Operation.CREATE);

            assertThat(result.objectSkipped()).isTrue();
            assertThat(result.changes()).isEmpty();
        }

        @Test
        void evaluationErrorsAreReportedPerAttribute() {
            CompiledObjectMapping mapping = compile(map("title", "Error(\"no title for \" & [mail])"),
                    map("userName", "[mail]"));

            MappingResult result = apply(mapping, image("mail", "a@x"), null, Operation.CREATE);

            assertThat(result.changes()).containsExactly(set("userName", "a@x"));
            assertThat(result.failures()).containsExactly(
                    new AttributeFailure("title", "ExpressionEvaluationFailed", "no title for a@x"));
        }

        @Test
        void multipleValuesForASingleValuedTargetFail() {
            CompiledObjectMapping mapping = compile(map("title", "[proxyAddresses]"));

            MappingResult result = apply(mapping, ObjectImage.builder().put("proxyAddresses", "a", "b").build(), null,
                    Operation.CREATE);

            assertThat(result.failures()).extracting(AttributeFailure::code)
                    .containsExactly("SchemaPropertyCanOnlyAcceptValue");
        }

        @Test
        void valuesAreTypedByTheTargetDefinition() {
            CompiledObjectMapping mapping = compile(
                    map("active", "Switch([IsSoftDeleted], , \"False\", \"True\", \"True\", \"False\")"),
                    map("employeeNumber", "[title]"));

            MappingResult result = apply(mapping, image("IsSoftDeleted", "False", "title", "042"), null, Operation.CREATE);

            assertThat(result.changes()).containsExactly(
                    new AttributeChange("active", ChangeKind.SET, BooleanValue.TRUE, false),
                    new AttributeChange("employeeNumber", ChangeKind.SET, new org.opensync.mapping.value.IntegerValue(42),
                            false));
            assertThat(apply(mapping, image("title", "Dev"), null, Operation.CREATE).failures())
                    .extracting(AttributeFailure::code).containsExactly("InvalidTargetValue");
        }

        @Test
        void redactedValuesAreFlagged() {
            CompiledObjectMapping mapping = compile(map("title", "Redact([title])"));

            assertThat(apply(mapping, image("title", "secret"), null, Operation.CREATE).changes())
                    .containsExactly(new AttributeChange("title", ChangeKind.SET, Value.text("secret"), true));
        }

        @Test
        void roleListsAreAddedUnlessAssertive() {
            ObjectImage source = ObjectImage.builder().put("appRoleAssignments", "User").build();
            CompiledObjectMapping additive = CompiledObjectMapping.compile(
                    object(map("roles", "AppRoleAssignmentsComplex([appRoleAssignments])")));
            CompiledObjectMapping assertive = CompiledObjectMapping.compile(
                    object(map("roles", "AssertiveAppRoleAssignmentsComplex([appRoleAssignments])")));

            assertThat(additive.apply(source, null, Operation.CREATE, ENVIRONMENT).changes())
                    .extracting(AttributeChange::kind).containsExactly(ChangeKind.ADD_VALUES);
            assertThat(assertive.apply(source, null, Operation.CREATE, ENVIRONMENT).changes())
                    .extracting(AttributeChange::kind).containsExactly(ChangeKind.SET);
        }
    }

    @Test
    void matchingValuesComeInPriorityOrder() {
        CompiledObjectMapping mapping = compile(
                map("title", "[title]", AttributeFlowType.Always, AttributeFlowBehavior.FlowWhenChanged, null, 2),
                map("department", "[department]"),
                map("userName", "ToLower([mail])", AttributeFlowType.Always, AttributeFlowBehavior.FlowWhenChanged, null, 1),
                map("email", "Error(\"broken\")", AttributeFlowType.Always, AttributeFlowBehavior.FlowWhenChanged, null, 3));

        List<MatchingValue> values = mapping.matchingValues(image("mail", "A@X"), ENVIRONMENT);

        assertThat(values).containsExactly(
                new MatchingValue("userName", 1, Value.text("a@x"), null),
                new MatchingValue("title", 2, Value.NULL, null),
                new MatchingValue("email", 3, Value.NULL, "broken"));
        assertThat(values).extracting(MatchingValue::usable).containsExactly(true, false, false);
    }
}

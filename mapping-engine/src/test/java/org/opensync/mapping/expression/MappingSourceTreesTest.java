package org.opensync.mapping.expression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.opensync.mapping.model.AttributeDefinition;
import org.opensync.mapping.model.AttributeMappingSource;
import org.opensync.mapping.model.AttributeMappingSourceType;
import org.opensync.mapping.model.AttributeType;
import org.opensync.mapping.model.ObjectDefinition;
import org.opensync.mapping.model.StringKeyAttributeMappingSourceValuePair;

class MappingSourceTreesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One expression per function (plus operators and literal kinds); every library function must appear. */
    static final Map<String, String> SAMPLES = new TreeMap<>(Map.ofEntries(
            Map.entry("Append", "Append([mail], \".test\")"),
            Map.entry("AppRoleAssignments", "AppRoleAssignments([appRoleAssignments])"),
            Map.entry("AppRoleAssignmentsComplex", "AppRoleAssignmentsComplex([appRoleAssignments])"),
            Map.entry("AssertiveAppRoleAssignmentsComplex", "AssertiveAppRoleAssignmentsComplex([appRoleAssignments])"),
            Map.entry("BitAnd", "BitAnd(&HF, &HF7)"),
            Map.entry("CBool", "CBool([a] = 1)"),
            Map.entry("CDate", "CDate([hireDate])"),
            Map.entry("Coalesce", "Coalesce([a], [b], \"default\")"),
            Map.entry("ConvertFromBase64", "ConvertFromBase64([b64], UTF8)"),
            Map.entry("ConvertToBase64", "ConvertToBase64(\"Hello world!\")"),
            Map.entry("ConvertToUTF8Hex", "ConvertToUTF8Hex([dn])"),
            Map.entry("Contains", "Contains([proxyAddresses], \"SMTP:\")"),
            Map.entry("Count", "Count([proxyAddresses])"),
            Map.entry("CRef", "CRef([manager])"),
            Map.entry("CStr", "CStr(42)"),
            Map.entry("DateAdd", "DateAdd(\"d\", -7, CDate([endDate]))"),
            Map.entry("DateDiff", "DateDiff(\"ww\", [start], Now())"),
            Map.entry("DateFromNum", "DateFromNum(129699324000000000)"),
            Map.entry("DefaultDomain", "DefaultDomain()"),
            Map.entry("DNComponent", "DNComponent(CRef([dn]), 1)"),
            Map.entry("Error", "Error(\"no \\\"value\\\" here\")"),
            Map.entry("FormatDateTime", "FormatDateTime([whenCreated], , \"yyyyMMddHHmmss.fZ\", \"yyyy-MM-dd\")"),
            Map.entry("Guid", "Guid()"),
            Map.entry("IgnoreFlowIfNullOrEmpty", "IgnoreFlowIfNullOrEmpty([department])"),
            Map.entry("IIF", "IIF([country] = \"USA\", [country], IgnoreAttributeFlow)"),
            Map.entry("InStr", "InStr([a], \"b\", 2, vbTextCompare)"),
            Map.entry("IsNothing", "IsNothing([a])"),
            Map.entry("IsNull", "IsNull([a])"),
            Map.entry("IsNullOrEmpty", "IsNullOrEmpty([a])"),
            Map.entry("IsPresent", "IsPresent([a])"),
            Map.entry("IsString", "IsString([a])"),
            Map.entry("Item", "Item([proxyAddresses], 1)"),
            Map.entry("Join", "Join(\".\", [givenName], [surname])"),
            Map.entry("Left", "Left([givenName], 1)"),
            Map.entry("Mid", "Mid([a], 2, 64)"),
            Map.entry("NormalizeDiacritics", "NormalizeDiacritics([surname])"),
            Map.entry("Not", "Not([IsSoftDeleted])"),
            Map.entry("Now", "Now()"),
            Map.entry("NumFromDate", "NumFromDate(Join(\"\", [endDate], \" 23:59:59-08:00\"))"),
            Map.entry("PCase", "PCase([displayName], \" '-\")"),
            Map.entry("Prepend", "Prepend(\"x-\", [a])"),
            Map.entry("RandomString", "RandomString(6, 3, 0, 0, 3, \"O0\")"),
            Map.entry("Redact", "Redact([password])"),
            Map.entry("RemoveDuplicates", "RemoveDuplicates([proxyAddresses])"),
            Map.entry("Replace", "Replace([mail], \"@\", , , \"_\", , )"),
            Map.entry("SelectUniqueValue", "SelectUniqueValue(Join(\"\", Left([givenName], 1), [surname]), [mail])"),
            Map.entry("SingleAppRoleAssignment", "SingleAppRoleAssignment([appRoleAssignments])"),
            Map.entry("Split", "Split([list], \",\")"),
            Map.entry("StringFromSid", "StringFromSid([objectSid])"),
            Map.entry("StripSpaces", "StripSpaces([a])"),
            Map.entry("Switch", "Switch([IsSoftDeleted], , \"False\", \"True\", \"True\", \"False\")"),
            Map.entry("ToLower", "ToLower([mail], )"),
            Map.entry("ToUpper", "ToUpper([c], \"tr-TR\")"),
            Map.entry("Trim", "Trim([a])"),
            Map.entry("Word", "Word([a], 2, \" ,\")"),
            Map.entry("&", "[givenName] & \" \" & [surname] & (\"x\" & 1)"),
            Map.entry("comparisons", "IIF(([a] >= -1) = ([b] <> \"2\"), [c] < [d], [e] <= &H10)"),
            Map.entry("literals", "Join(\"\", \"\\\\+\\\\d\", 7, -10, &hff, vbBinaryCompare, \"7\", \"vbTextCompare\")")));

    @Test
    void everyFunctionHasARoundTripSample() {
        assertThat(SAMPLES.keySet()).containsAll(
                FunctionLibrary.standard().functions().stream().map(FunctionSpec::name).toList());
    }

    static Stream<String> samples() {
        return SAMPLES.values().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void textTreeTextTreeIsStable(String text) throws Exception {
        ParsedExpression parsed = Expressions.parse(text);
        AttributeMappingSource tree = parsed.toMappingSource();
        String textAgain = Expressions.fromMappingSource(tree, null).text();
        AttributeMappingSource treeAgain = Expressions.parse(textAgain).toMappingSource();

        assertThat(textAgain).isEqualTo(parsed.text());
        assertThat(treeAgain).isEqualTo(tree);
        AttributeMappingSource overTheWire = JSON.readValue(JSON.writeValueAsString(tree), AttributeMappingSource.class);
        assertThat(Expressions.fromMappingSource(overTheWire, null)).isEqualTo(parsed);
    }

    @Test
    void documentedJoinExampleHasTheDocumentedShape() throws Exception {
        AttributeMappingSource tree = Expressions.parse("Join(\".\", [givenName], [surname])").toMappingSource();

        assertThat(JSON.readTree(JSON.writeValueAsString(tree))).isEqualTo(JSON.readTree("""
                {
                  "expression": "Join(\\".\\", [givenName], [surname])",
                  "name": "Join",
                  "type": "Function",
                  "parameters": [
                    { "key": "separator", "value": { "expression": "\\".\\"", "name": ".", "type": "Constant", "parameters": [] } },
                    { "key": "source", "value": { "expression": "[givenName]", "name": "givenName", "type": "Attribute", "parameters": [] } },
                    { "key": "source", "value": { "expression": "[surname]", "name": "surname", "type": "Attribute", "parameters": [] } }
                  ]
                }"""));
    }

    @Test
    void emptyArgumentsAreSkippedAndKeyedByTheCatalogueNames() {
        AttributeMappingSource tree = Expressions.parse("Replace([mail], \"@\", , , \"_\", , )").toMappingSource();

        assertThat(tree.expression()).isEqualTo("Replace([mail], \"@\", , , \"_\", , )");
        assertThat(tree.parameters()).extracting(StringKeyAttributeMappingSourceValuePair::key)
                .containsExactly("source", "Find", "Replacement");
        assertThat(Expressions.parse("Switch([a], , \"1\", \"x\")").toMappingSource().parameters())
                .extracting(StringKeyAttributeMappingSourceValuePair::key).containsExactly("source", "switchValue", "switchValue");
        assertThat(Expressions.parse("Coalesce([a], [b], \"d\")").toMappingSource().parameters())
                .extracting(StringKeyAttributeMappingSourceValuePair::key).containsExactly("source", "source", "defaultValue");
    }

    @Test
    void handBuiltTreesWithoutExpressionsAreRead() {
        AttributeMappingSource tree = function("Mid", pair("source", attribute("mail")), pair("length", constant("3")),
                pair("start", constant("1")));

        ParsedExpression parsed = Expressions.fromMappingSource(tree, null);

        assertThat(parsed.text()).isEqualTo("Mid([mail], \"1\", \"3\")");
        assertThat(parsed.evaluate(ExpressionCases.image("mail", "abcdef"), ExpressionCases.environment()))
                .isEqualTo(new EvaluationOutcome.Produced(org.opensync.mapping.value.Value.text("abc"), false));
    }

    @Test
    void rejectsInvalidTreesNamingThePath() {
        ObjectDefinition user = new ObjectDefinition(List.of(AttributeDefinition.of("mail", AttributeType.String)),
                null, "User", null);

        assertThatThrownBy(() -> Expressions.fromMappingSource(function("Nope"), null))
                .isInstanceOf(InvalidExpressionException.class).hasMessageContaining("source: unknown function 'Nope'");
        assertThatThrownBy(() -> Expressions.fromMappingSource(function("Mid", pair("source", attribute("mail"))), null))
                .hasMessageContaining("Missing required argument in Mid");
        assertThatThrownBy(() -> Expressions.fromMappingSource(function("Mid", pair("bogus", attribute("mail"))), null))
                .hasMessageContaining("Mid has no parameter 'bogus'");
        assertThatThrownBy(() -> Expressions.fromMappingSource(
                function("ToLower", pair("source", attribute("other"))), user))
                .hasMessageContaining("source.parameters[0].value: unknown attribute 'other'");
        assertThatThrownBy(() -> Expressions.fromMappingSource(function("ToLower",
                pair("source", function("SelectUniqueValue", pair("uniqueValueRule", attribute("a")),
                        pair("uniqueValueRule", attribute("b"))))), null))
                .hasMessageContaining("SelectUniqueValue cannot be nested");
        assertThatThrownBy(() -> Expressions.fromMappingSource(function("=", pair("right", attribute("a")),
                pair("left", attribute("b"))), null)).hasMessageContaining("'left' and 'right'");
        assertThatThrownBy(() -> Expressions.fromMappingSource(
                new AttributeMappingSource(null, null, null, AttributeMappingSourceType.Attribute), null))
                .hasMessageContaining("'name' is required");
        assertThatThrownBy(() -> Expressions.fromMappingSource(function("ToLower", pair("source", attribute("a]b"))),
                null)).hasMessageContaining("'a]b' is not a valid attribute name");
    }

    @Test
    void attributeNamesWithValueFiltersRoundTrip() {
        String name = "emails[type eq \"work\"].value";
        ParsedExpression parsed = Expressions.fromMappingSource(function("ToLower", pair("source", attribute(name))),
                null);
        assertThat(parsed.referencedAttributes()).containsExactly(name);
        assertThat(Expressions.parse(parsed.text())).isEqualTo(parsed);
    }

    private static AttributeMappingSource attribute(String name) {
        return new AttributeMappingSource(null, name, null, null);
    }

    private static AttributeMappingSource constant(String value) {
        return new AttributeMappingSource(null, value, null, AttributeMappingSourceType.Constant);
    }

    private static AttributeMappingSource function(String name, StringKeyAttributeMappingSourceValuePair... parameters) {
        return new AttributeMappingSource(null, name, List.of(parameters), AttributeMappingSourceType.Function);
    }

    private static StringKeyAttributeMappingSourceValuePair pair(String key, AttributeMappingSource value) {
        return new StringKeyAttributeMappingSourceValuePair(key, value);
    }
}

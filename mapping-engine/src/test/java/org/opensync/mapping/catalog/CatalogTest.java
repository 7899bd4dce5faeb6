package org.opensync.mapping.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.opensync.mapping.model.AttributeMappingFunctionSchema;
import org.opensync.mapping.model.AttributeMappingParameterSchema;
import org.opensync.mapping.model.FilterOperatorSchema;

class CatalogTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Map<String, AttributeMappingFunctionSchema> functions() {
        return FunctionCatalog.functions().stream()
                .collect(Collectors.toMap(AttributeMappingFunctionSchema::name, Function.identity()));
    }

    private static String parameters(String function) {
        return functions().get(function).parameters().stream().map(CatalogTest::describe)
                .collect(Collectors.joining("; "));
    }

    private static String describe(AttributeMappingParameterSchema p) {
        return p.name() + ": " + p.type() + ", " + (p.required() ? "yes" : "no") + ", "
                + (p.allowMultipleOccurrences() ? "yes" : "no");
    }

    @Test
    void theDocumentedMinimumCatalogueIsPresentWithGfunNames() {
        assertThat(parameters("Append")).isEqualTo("source: String, yes, no; suffix: String, yes, no");
        assertThat(parameters("DefaultDomain")).isEmpty();
        assertThat(parameters("AppRoleAssignments")).isEqualTo("source: String, yes, no");
        assertThat(parameters("IsNothing")).isEqualTo("source: Boolean, yes, no");
        assertThat(parameters("Join")).isEqualTo("separator: String, yes, no; source: String, yes, yes");
        assertThat(parameters("Prepend")).isEqualTo("prefix: String, yes, no; source: String, yes, no");
        assertThat(parameters("Mid")).isEqualTo("source: String, yes, no; start: Integer, yes, no; length: Integer, yes, no");
        assertThat(parameters("Not")).isEqualTo("source: Boolean, yes, no");
        assertThat(parameters("Replace")).isEqualTo("source: String, yes, no; Find: String, no, no; "
                + "RegularExpression: String, no, no; RegularExpressionGroupName: String, no, no; "
                + "Replacement: String, no, no; ReplacementPropertyName: String, no, no; Template: String, no, no");
        assertThat(parameters("SingleAppRoleAssignment")).isEqualTo("source: String, yes, no");
        assertThat(parameters("Split")).isEqualTo("source: String, yes, no; delimiter: String, no, no");
        assertThat(parameters("StripSpaces")).isEqualTo("source: String, yes, no");
        assertThat(parameters("Switch"))
                .isEqualTo("source: String, yes, no; defaultValue: String, no, no; switchValue: String, no, yes");
        assertThat(parameters("FormatDateTime")).isEqualTo("source: String, yes, no; "
                + "inputFormat: String, yes, no; outputFormat: String, yes, no");
    }

    @Test
    void everyFunctionCarriesItsNameAsIdToo() {
        assertThat(FunctionCatalog.functions()).hasSize(55).allSatisfy(f -> assertThat(f.id()).isEqualTo(f.name()));
        assertThat(functions()).containsKeys("Coalesce", "IIF", "ToLower", "ToUpper", "NormalizeDiacritics",
                "SelectUniqueValue", "CBool", "CStr", "Guid", "RandomString", "Word", "Item", "Count", "DateAdd", "Now",
                "ConvertToUTF8Hex", "Redact", "RemoveDuplicates", "PCase", "InStr", "DateFromNum", "NumFromDate");
    }

    @Test
    void filterOperatorsAreTheDocumentedEight() throws Exception {
        JsonNode written = JSON.valueToTree(Map.of("value", FilterOperatorCatalog.operators()));

        assertThat(written).isEqualTo(JSON.readTree("""
                {"value": [
                  {"arity":"Binary","multivaluedComparisonType":"All","id":"EQUALS","name":"EQUALS","supportedAttributeTypes":["Integer","String"]},
                  {"arity":"Binary","multivaluedComparisonType":"All","id":"NOT EQUALS","name":"NOT EQUALS","supportedAttributeTypes":["Integer","String"]},
                  {"arity":"Unary","multivaluedComparisonType":"All","id":"IS TRUE","name":"IS TRUE","supportedAttributeTypes":["Boolean"]},
                  {"arity":"Unary","multivaluedComparisonType":"All","id":"IS FALSE","name":"IS FALSE","supportedAttributeTypes":["Boolean"]},
                  {"arity":"Unary","multivaluedComparisonType":"All","id":"IS NULL","name":"IS NULL","supportedAttributeTypes":["Integer","String","Binary","Boolean"]},
                  {"arity":"Unary","multivaluedComparisonType":"All","id":"IS NOT NULL","name":"IS NOT NULL","supportedAttributeTypes":["Integer","String","Binary","Boolean"]},
                  {"arity":"Binary","multivaluedComparisonType":"All","id":"REGEX MATCH","name":"REGEX MATCH","supportedAttributeTypes":["Integer","String"]},
                  {"arity":"Binary","multivaluedComparisonType":"All","id":"NOT REGEX MATCH","name":"NOT REGEX MATCH","supportedAttributeTypes":["Integer","String"]}
                ]}"""));
        assertThat(FilterOperatorCatalog.supported()).extracting(FilterOperatorSchema::name)
                .contains("Greater_Than", "Includes", "ENDS_WITH", "&", "!&", "Less_Than", "Excludes");
    }
}

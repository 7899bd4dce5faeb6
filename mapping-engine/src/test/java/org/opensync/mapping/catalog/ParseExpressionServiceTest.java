package org.opensync.mapping.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.opensync.mapping.expression.EvaluationEnvironment;
import org.opensync.mapping.model.ParseExpressionRequest;
import org.opensync.mapping.model.ParseExpressionResponse;

class ParseExpressionServiceTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final ParseExpressionService service = new ParseExpressionService(EvaluationEnvironment.system()
            .withClock(Clock.fixed(Instant.parse("2021-07-02T15:33:38Z"), ZoneOffset.UTC)));

    private JsonNode call(String requestJson) throws Exception {
        ParseExpressionResponse response = service.parse(JSON.readValue(requestJson, ParseExpressionRequest.class));
        return JSON.valueToTree(response);
    }

    @Test
    void answersTheDocumentedExampleExactly() throws Exception {
        JsonNode response = call("""
                {
                  "expression": "Join(\\".\\", [givenName], [surname])",
                  "targetAttributeDefinition": null,
                  "testInputObject": {
                    "definition": null,
                    "properties": [
                      { "key": "givenName", "value": "Aiko" },
                      { "key": "surname", "value": "Tanaka" }
                    ]
                  }
                }""");

        assertThat(response).isEqualTo(JSON.readTree("""
                {
                  "error": null,
                  "parsingSucceeded": true,
                  "evaluationSucceeded": true,
                  "evaluationResult": [ "Aiko.Tanaka" ],
                  "parsedExpression": {
                    "expression": "Join(\\".\\", [givenName], [surname])",
                    "name": "Join",
                    "type": "Function",
                    "parameters": [
                      { "key": "separator", "value": { "expression": "\\".\\"", "name": ".", "type": "Constant", "parameters": [] } },
                      { "key": "source", "value": { "expression": "[givenName]", "name": "givenName", "type": "Attribute", "parameters": [] } },
                      { "key": "source", "value": { "expression": "[surname]", "name": "surname", "type": "Attribute", "parameters": [] } }
                    ]
                  }
                }"""));
    }

    @Test
    void withoutTestInputOnlyParses() throws Exception {
        JsonNode response = call("{\"expression\": \"Replace([mail], \\\"@\\\", , , \\\"_\\\", , )\"}");

        assertThat(response.get("parsingSucceeded").asBoolean()).isTrue();
        assertThat(response.get("evaluationSucceeded").asBoolean()).isFalse();
        assertThat(response.get("evaluationResult")).isEmpty();
        assertThat(response.get("parsedExpression").get("expression").asText())
                .isEqualTo("Replace([mail], \"@\", , , \"_\", , )");
        assertThat(response.get("error").isNull()).isTrue();
    }

    @Test
    void parseErrorsAreSuccessfulResponsesNamingThePosition() throws Exception {
        JsonNode response = call("{\"expression\": \"Join(\\\".\\\", [givenName]\"}");

        assertThat(response.get("parsingSucceeded").asBoolean()).isFalse();
        assertThat(response.get("parsedExpression").isNull()).isTrue();
        assertThat(response.get("evaluationResult")).isEmpty();
        assertThat(response.get("error").get("code").asText()).isEqualTo("ExpressionParsingFailed");
        assertThat(response.get("error").get("message").asText())
                .isEqualTo("Unexpected end of expression at position 21: found end of expression, expected ',' or ')'");
        assertThat(response.get("error").get("target").asText()).isEqualTo("expression");
    }

    @Test
    void theTestDefinitionMakesUnknownAttributesParseErrors() throws Exception {
        JsonNode response = call("""
                {"expression": "[mail]", "testInputObject": {"definition": {"name": "User", "attributes": [{"name": "upn"}]},
                 "properties": [{"key": "mail", "value": "x"}]}}""");

        assertThat(response.get("parsingSucceeded").asBoolean()).isFalse();
        assertThat(response.get("error").get("message").asText()).contains("Unknown attribute at position 0");
    }

    @Test
    void evaluatesCollectionsAndReportsEvaluationFailures() throws Exception {
        JsonNode multi = call("""
                {"expression": "Split([list], \\",\\")", "testInputObject": {"properties": [
                  {"key": "list", "value@odata.type": "#Collection(String)", "value": ["ignored", "also"]},
                  {"key": "list", "value": "a,b"}]}}""");
        JsonNode failed = call("""
                {"expression": "Item([p], 3)", "testInputObject": {"properties": [
                  {"key": "p", "value@odata.type": "#Collection(String)", "value": ["a", "b"]}]}}""");

        assertThat(multi.get("evaluationResult").toString()).isEqualTo("[\"a\",\"b\"]");
        assertThat(failed.get("parsingSucceeded").asBoolean()).isTrue();
        assertThat(failed.get("evaluationSucceeded").asBoolean()).isFalse();
        assertThat(failed.get("error").get("code").asText()).isEqualTo("ExpressionEvaluationFailed");
        assertThat(failed.get("error").get("message").asText()).contains("index 3 is out of range");
    }

    @Test
    void anExpressionOverItsLimitsIsAnEvaluationFailureNamingTheLimit() throws Exception {
        String bomb = "\\\"aaaaaaaa\\\"";
        for (int level = 0; level < 9; level++) {
            bomb = "Replace(" + bomb + ", \\\"a\\\", , , \\\"aaaaaaaa\\\", , )";
        }

        JsonNode response = call("{\"expression\": \"" + bomb + "\", \"testInputObject\": {\"properties\": []}}");

        assertThat(response.get("parsingSucceeded").asBoolean()).isTrue();
        assertThat(response.get("evaluationSucceeded").asBoolean()).isFalse();
        assertThat(response.get("evaluationResult")).isEmpty();
        assertThat(response.get("error").get("code").asText()).isEqualTo("ExpressionEvaluationFailed");
        assertThat(response.get("error").get("message").asText())
                .isEqualTo("Replace: the value would be longer than 65536 characters, the limit per value (maxValueLength)");
    }

    @Test
    void nullResultsAndIgnoredFlowsSucceedWithoutValues() throws Exception {
        JsonNode nothing = call("{\"expression\": \"[missing]\", \"testInputObject\": {\"properties\": []}}");
        JsonNode ignored = call("{\"expression\": \"IgnoreFlowIfNullOrEmpty([missing])\", \"testInputObject\": {}}");

        assertThat(nothing.get("evaluationSucceeded").asBoolean()).isTrue();
        assertThat(nothing.get("evaluationResult")).isEmpty();
        assertThat(nothing.get("error").isNull()).isTrue();
        assertThat(ignored.get("evaluationSucceeded").asBoolean()).isTrue();
        assertThat(ignored.get("error").get("code").asText()).isEqualTo("AttributeFlowIgnored");
    }

    @Test
    void theTargetDefinitionDrivesTyping() throws Exception {
        JsonNode active = call("""
                {"expression": "Switch([IsSoftDeleted], , \\"False\\", \\"true\\", \\"True\\", \\"false\\")",
                 "targetAttributeDefinition": {"name": "active", "type": "Boolean"},
                 "testInputObject": {"properties": [{"key": "IsSoftDeleted", "value": false}]}}""");
        JsonNode number = call("""
                {"expression": "[n]", "targetAttributeDefinition": {"name": "n", "type": "Integer"},
                 "testInputObject": {"properties": [{"key": "n", "value": "twelve"}]}}""");

        assertThat(active.get("evaluationResult").toString()).isEqualTo("[\"True\"]");
        assertThat(number.get("evaluationSucceeded").asBoolean()).isFalse();
        assertThat(number.get("error").get("message").asText()).contains("'twelve' is not an Integer");
    }

    @Test
    void invalidRequestsBecomeBadRequests() {
        assertThatThrownBy(() -> service.parse(null)).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> service.parse(new ParseExpressionRequest(null, null, null)))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.target()).isEqualTo("expression");
                    assertThat(e.code()).isEqualTo("invalidRequest");
                });
        assertThatThrownBy(() -> service.parse(new ParseExpressionRequest("\"" + "x".repeat(10_000) + "\"", null, null)))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("10002 characters long; the limit is 10000");
        assertThatThrownBy(() -> call("{\"expression\": \"[a]\", \"testInputObject\": {\"properties\": [{\"value\": 1}]}}"))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("needs a 'key'");
    }

    @Test
    void aDefinitionNamingOnlyTheObjectTypeChecksNoAttributes() throws Exception {
        JsonNode response = call("""
                {"expression": "Join(\\" \\", [givenName], [sn])",
                 "targetAttributeDefinition": {"name": "displayName", "type": "String"},
                 "testInputObject": {"definition": {"name": "User"},
                   "properties": [{"key": "givenName", "value": "Marie"}, {"key": "sn", "value": "Curie"}]}}""");
        assertThat(response.get("parsingSucceeded").asBoolean()).isTrue();
        assertThat(response.get("evaluationResult").get(0).asText()).isEqualTo("Marie Curie");
    }
}

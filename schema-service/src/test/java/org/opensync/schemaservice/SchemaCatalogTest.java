package org.opensync.schemaservice;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.opensync.schemaservice.Requests.authorized;
import static org.opensync.schemaservice.Requests.json;

import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Issue 4's endpoints: the function catalogue, the filter operators and parseExpression, through HTTP. */
@QuarkusTest
class SchemaCatalogTest {
    private static final String TEMPLATE_SCHEMA = "/beta/servicePrincipals/" + UUID.randomUUID()
            + "/synchronization/templates/scim/schema";

    @Test
    void functionsInBothSpellingsUnderTemplateAndJobSchemas() {
        String[] job = Jobs.created();
        for (String path : new String[]{TEMPLATE_SCHEMA + "/functions", TEMPLATE_SCHEMA + "/functions()",
                job[2] + "/functions()", job[2] + "/microsoft.graph.functions()"}) {
            authorized().get(path).then().statusCode(200)
                    .body("'@odata.context'", containsString("attributeMappingFunctionSchema"))
                    .body("value.size()", greaterThanOrEqualTo(14))
                    .body("value.name", hasItems("Append", "Join", "Switch", "IIF", "Replace", "FormatDateTime",
                            "SelectUniqueValue", "NormalizeDiacritics"))
                    .body("value.find { it.name == 'Join' }.parameters.name", hasItems("separator", "source"));
        }
    }

    @Test
    void filterOperatorsInBothSpellings() {
        for (String path : new String[]{TEMPLATE_SCHEMA + "/filterOperators", TEMPLATE_SCHEMA + "/filterOperators()"}) {
            authorized().get(path).then().statusCode(200)
                    .body("value", hasSize(8))
                    .body("value.name", hasItems("EQUALS", "NOT EQUALS", "REGEX MATCH", "IS NULL"))
                    .body("value.find { it.name == 'IS NULL' }.arity", equalTo("Unary"));
        }
    }

    @Test
    void parseExpressionParsesAndEvaluates() {
        json("""
                {"expression":"Join(\\".\\", [givenName], [surname])","targetAttributeDefinition":null,
                 "testInputObject":{"definition":null,"properties":[{"key":"givenName","value":"Aiko"},
                 {"key":"surname","value":"Tanaka"}]}}""")
                .post(TEMPLATE_SCHEMA + "/parseExpression").then().statusCode(200)
                .body("parsingSucceeded", equalTo(true))
                .body("evaluationSucceeded", equalTo(true))
                .body("evaluationResult", hasItem("Aiko.Tanaka"))
                .body("error", nullValue())
                .body("parsedExpression.name", equalTo("Join"))
                .body("parsedExpression.type", equalTo("Function"))
                .body("parsedExpression.parameters.key", hasItems("separator", "source"));
    }

    @Test
    void aParseErrorIsAnOrdinaryAnswerNamingThePosition() {
        json("{\"expression\":\"Frobnicate([mail])\"}").post(TEMPLATE_SCHEMA + "/parseExpression")
                .then().statusCode(200)
                .body("parsingSucceeded", equalTo(false))
                .body("parsedExpression", nullValue())
                .body("error.code", notNullValue())
                .body("error.message", containsString("Frobnicate"));
    }

    @Test
    void anExpressionOverItsLimitsIsAnEvaluationFailureNotAServerError() {
        String bomb = "\\\"aaaaaaaa\\\"";
        for (int level = 0; level < 9; level++) {
            bomb = "Replace(" + bomb + ", \\\"a\\\", , , \\\"aaaaaaaa\\\", , )";
        }
        json("{\"expression\":\"" + bomb + "\",\"testInputObject\":{\"properties\":[]}}")
                .post(TEMPLATE_SCHEMA + "/parseExpression").then().statusCode(200)
                .body("parsingSucceeded", equalTo(true))
                .body("evaluationSucceeded", equalTo(false))
                .body("evaluationResult", hasSize(0))
                .body("error.code", equalTo("ExpressionEvaluationFailed"))
                .body("error.message", containsString("the limit per value (maxValueLength)"));
        json("""
                {"expression":"Replace([x], , \\"^(a|aa)+$\\", , \\"\\", , )",
                 "testInputObject":{"properties":[{"key":"x","value":"%s!"}]}}""".formatted("a".repeat(60_000)))
                .post(TEMPLATE_SCHEMA + "/parseExpression").then().statusCode(200)
                .body("evaluationSucceeded", equalTo(false))
                .body("error.code", equalTo("ExpressionEvaluationFailed"))
                .body("error.message", containsString("exceeded its evaluation budget"));
    }

    @Test
    void badRequestsGetTheGraphErrorShape() {
        json("{\"expression\": ").post(TEMPLATE_SCHEMA + "/parseExpression").then().statusCode(400)
                .body("error.code", equalTo("invalidRequest"));
        json("{\"expression\":\"" + "A".repeat(10_001) + "\"}").post(TEMPLATE_SCHEMA + "/parseExpression")
                .then().statusCode(400).body("error.code", equalTo("invalidRequest"))
                .body("error.target", equalTo("expression"));
        json("{}").post(TEMPLATE_SCHEMA + "/parseExpression").then().statusCode(400)
                .body("error.target", equalTo("expression"));
    }
}

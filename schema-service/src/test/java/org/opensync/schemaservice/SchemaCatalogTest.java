package org.opensync.schemaservice;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.opensync.schemaservice.Requests.authorized;
import static org.opensync.schemaservice.Requests.json;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opensync.common.web.RelayHeaders;

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
    void aBodyOfTheWrongJsonTypeGetsAGraphError() {
        json("[{\"expression\":\"[mail]\"}]").post(TEMPLATE_SCHEMA + "/parseExpression").then().statusCode(400)
                .contentType(startsWith("application/json"))
                .body("error.code", equalTo("invalidRequest"))
                .body("error.innerError.request-id", notNullValue());
    }

    @Test
    void formatDateTimeIsListedWithItsDocumentedParameters() {
        authorized().get(TEMPLATE_SCHEMA + "/functions").then().statusCode(200)
                .body("value.find { it.name == 'FormatDateTime' }.parameters.name",
                        contains("source", "inputFormat", "outputFormat"))
                .body("value.find { it.name == 'FormatDateTime' }.parameters.required", contains(true, true, true))
                .body("value.find { it.name == 'FormatDateTime' }.parameters.type",
                        contains("String", "String", "String"))
                .body("value.find { it.name == 'DefaultDomain' }.parameters", hasSize(0));
        json("""
                {"expression":"FormatDateTime([hired], \\"yyyyMMddHHmmss.fZ\\", \\"yyyy-MM-dd\\")",
                 "testInputObject":{"properties":[{"key":"hired","value":"20150123105347.1Z"}]}}""")
                .post(TEMPLATE_SCHEMA + "/parseExpression").then().statusCode(200)
                .body("evaluationSucceeded", equalTo(true))
                .body("evaluationResult", contains("2015-01-23"));
    }

    @Test
    void defaultDomainIsTheConfiguredTenantDomain() {
        json("""
                {"expression":"Join(\\"@\\", [user], DefaultDomain())",
                 "testInputObject":{"properties":[{"key":"user","value":"jdoe"}]}}""")
                .post(TEMPLATE_SCHEMA + "/parseExpression").then().statusCode(200)
                .body("evaluationSucceeded", equalTo(true))
                .body("evaluationResult", contains("jdoe@contoso.test"));
    }

    @Test
    void contextsUseTheRootTheClientCalledOnJobApiOnlyWithTheRelayKey() {
        String functions = TEMPLATE_SCHEMA + "/functions";
        authorized().header(RelayHeaders.CLIENT_ROOT, "https://api.example.org:8443/graph")
                .header(RelayHeaders.RELAY_KEY, "test-relay-key").get(functions).then().statusCode(200)
                .body("'@odata.context'", startsWith("https://api.example.org:8443/graph/beta/$metadata#"));
        String own = "http://localhost:" + RestAssured.port + "/beta/$metadata#";
        authorized().header(RelayHeaders.CLIENT_ROOT, "https://evil.example.org").get(functions).then()
                .body("'@odata.context'", startsWith(own));
        authorized().header(RelayHeaders.CLIENT_ROOT, "https://evil.example.org")
                .header(RelayHeaders.RELAY_KEY, "guessed").get(functions).then()
                .body("'@odata.context'", startsWith(own));
        authorized().header(RelayHeaders.CLIENT_ROOT, "javascript:alert(1)")
                .header(RelayHeaders.RELAY_KEY, "test-relay-key").get(functions).then()
                .body("'@odata.context'", startsWith(own));
        String[] job = Jobs.created();
        authorized().header(RelayHeaders.CLIENT_ROOT, "https://api.example.org")
                .header(RelayHeaders.RELAY_KEY, "test-relay-key").get(job[2]).then().statusCode(200)
                .body("'@odata.context'", equalTo("https://api.example.org/beta/$metadata#servicePrincipals('"
                        + job[0] + "')/synchronization/jobs('" + job[1] + "')/schema/$entity"));
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

package org.opensync.jobapi;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.opensync.jobapi.GraphClient.asAdmin;
import static org.opensync.jobapi.GraphClient.json;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opensync.common.security.GraphPermissions;
import org.opensync.testing.TestTokens;

/** {@code /applicationTemplates}: the catalogue and instantiate. */
@QuarkusTest
class ApplicationTemplateTest {
    static final String CUSTOM = "8adf8e6e-67b2-4cf2-a259-e3dc5476c621";

    /** Instantiates the custom template; returns the response body. */
    static JsonPath instantiate(String displayName) {
        return json("{\"displayName\":\"" + displayName + "\"}").post("/beta/applicationTemplates/" + CUSTOM
                + "/instantiate").then().statusCode(201).extract().jsonPath();
    }

    @Test
    void instantiateCreatesTheApplicationAndItsServicePrincipal() {
        for (String version : new String[]{"beta", "v1.0"}) {
            JsonPath created = json("{\"displayName\":\"Fabrikam SCIM\",\"@odata.type\":\"#x\"}")
                    .post("/" + version + "/applicationTemplates/" + CUSTOM + "/instantiate")
                    .then().statusCode(201)
                    .body("'@odata.context'", endsWith("/" + version
                            + "/$metadata#microsoft.graph.applicationServicePrincipal"))
                    .body("application.id", notNullValue())
                    .body("application.applicationTemplateId", equalTo(CUSTOM))
                    .body("application.displayName", equalTo("Fabrikam SCIM"))
                    .body("application.identifierUris", hasSize(0))
                    .body("application.signInAudience", equalTo("AzureADMyOrg"))
                    .body("servicePrincipal.applicationTemplateId", equalTo(CUSTOM))
                    .body("servicePrincipal.displayName", equalTo("Fabrikam SCIM"))
                    .body("servicePrincipal.accountEnabled", equalTo(true))
                    .body("servicePrincipal.appRoleAssignmentRequired", equalTo(true))
                    .body("servicePrincipal.servicePrincipalType", equalTo("Application"))
                    .body("servicePrincipal.tags", contains("WindowsAzureActiveDirectoryIntegratedApp",
                            "WindowsAzureActiveDirectoryCustomSingleSignOnApplication"))
                    .extract().jsonPath();
            String appId = created.getString("application.appId");
            asAdmin().get("/" + version + "/servicePrincipals/" + created.getString("servicePrincipal.id"))
                    .then().statusCode(200).body("appId", equalTo(appId))
                    .body("applicationTemplateId", equalTo(CUSTOM));
            org.assertj.core.api.Assertions.assertThat(created.getString("servicePrincipal.appId")).isEqualTo(appId);
        }
    }

    @Test
    void instantiateNeedsADisplayNameAndAKnownTemplate() {
        String path = "/beta/applicationTemplates/" + CUSTOM + "/instantiate";
        json("{}").post(path).then().statusCode(400).body("error.code", equalTo("Request_BadRequest"))
                .body("error.target", equalTo("displayName"));
        json("{\"displayName\":\"\"}").post(path).then().statusCode(400);
        json("{\"displayName\":42}").post(path).then().statusCode(400);
        json("{\"displayName\":\"" + "x".repeat(257) + "\"}").post(path).then().statusCode(400);
        json("[\"displayName\"]").post(path).then().statusCode(400);
        json("{\"displayName\":").post(path).then().statusCode(400);
        asAdmin().post(path).then().statusCode(415);
        json("{\"displayName\":\"x\"}").post("/beta/applicationTemplates/" + UUID.randomUUID() + "/instantiate")
                .then().statusCode(404).body("error.code", equalTo("Request_ResourceNotFound"));
    }

    @Test
    void theCatalogueIsListedFilteredAndFetched() {
        asAdmin().get("/v1.0/applicationTemplates").then().statusCode(200)
                .body("'@odata.context'", endsWith("/v1.0/$metadata#applicationTemplates"))
                .body("value.id", hasItem(CUSTOM))
                .body("value[0]", not(hasKey("tags")))
                .body("value[0].supportedProvisioningTypes", contains("sync"));
        asAdmin().queryParam("$filter", "displayName eq 'custom'").queryParam("$count", true)
                .get("/beta/applicationTemplates").then().statusCode(200)
                .body("'@odata.count'", equalTo(1)).body("value.id", contains(CUSTOM));
        asAdmin().queryParam("$filter", "startswith(displayName,'OpenSync')").queryParam("$select", "displayName")
                .get("/beta/applicationTemplates").then().statusCode(200)
                .body("'@odata.context'", endsWith("#applicationTemplates(displayName)"))
                .body("value", hasSize(1)).body("value[0].publisher", nullValue())
                .body("value[0].id", notNullValue());
        String next = asAdmin().queryParam("$top", 1).get("/beta/applicationTemplates").then().statusCode(200)
                .body("value", hasSize(1)).extract().path("'@odata.nextLink'");
        asAdmin().urlEncodingEnabled(false).get(next).then().statusCode(200).body("value", hasSize(1))
                .body("'@odata.nextLink'", nullValue());
        asAdmin().queryParam("$filter", "publisher eq 'OpenSync'").get("/beta/applicationTemplates").then()
                .statusCode(400).body("error.code", equalTo("Request_UnsupportedQuery"));
        asAdmin().queryParam("$select", "shoeSize").get("/beta/applicationTemplates").then().statusCode(400);

        asAdmin().get("/beta/applicationTemplates/" + CUSTOM).then().statusCode(200)
                .body("'@odata.context'", endsWith("/beta/$metadata#applicationTemplates/$entity"))
                .body("id", equalTo(CUSTOM)).body("displayName", equalTo("Custom"));
        asAdmin().get("/beta/applicationTemplates/" + UUID.randomUUID()).then().statusCode(404)
                .body("error.code", equalTo("Request_ResourceNotFound"))
                .body("error.message", containsString("does not exist"));
    }

    @Test
    void readingNeedsApplicationReadAndInstantiatingApplicationReadWrite() {
        String reader = TestTokens.application(GraphPermissions.APPLICATION_READ);
        given().auth().oauth2(reader).get("/beta/applicationTemplates").then().statusCode(200);
        given().auth().oauth2(reader).contentType(ContentType.JSON).body("{\"displayName\":\"x\"}")
                .post("/beta/applicationTemplates/" + CUSTOM + "/instantiate").then().statusCode(403)
                .body("error.code", equalTo("Authorization_RequestDenied"));
        given().auth().oauth2(TestTokens.application(GraphPermissions.SYNCHRONIZATION_READ_WRITE))
                .get("/beta/applicationTemplates").then().statusCode(403);
        given().get("/beta/applicationTemplates").then().statusCode(401);
    }

    @Test
    void anOwnedByCallerOwnsWhatItInstantiates() {
        String owner = TestTokens.applicationOf(UUID.randomUUID().toString(),
                GraphPermissions.APPLICATION_READ_WRITE_OWNED_BY);
        String spId = given().auth().oauth2(owner).contentType(ContentType.JSON).body("{\"displayName\":\"mine\"}")
                .post("/beta/applicationTemplates/" + CUSTOM + "/instantiate").then().statusCode(201)
                .extract().path("servicePrincipal.id");
        given().auth().oauth2(owner).get("/beta/servicePrincipals/" + spId).then().statusCode(200);
        given().auth().oauth2(TestTokens.applicationOf(UUID.randomUUID().toString(),
                GraphPermissions.APPLICATION_READ_WRITE_OWNED_BY)).get("/beta/servicePrincipals/" + spId)
                .then().statusCode(403);
    }
}

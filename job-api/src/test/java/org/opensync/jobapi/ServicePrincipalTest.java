package org.opensync.jobapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.opensync.jobapi.GraphClient.asAdmin;
import static org.opensync.jobapi.GraphClient.json;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ServicePrincipalTest {

    @Test
    void createReturnsTheFullServicePrincipal() {
        String appId = UUID.randomUUID().toString();
        json("{\"appId\":\"" + appId + "\",\"displayName\":\"Contoso HR Connector\",\"tags\":[\"hr\"],"
                + "\"@odata.type\":\"#microsoft.graph.servicePrincipal\",\"unknownProperty\":1}")
                .post("/beta/servicePrincipals")
                .then().statusCode(201)
                .header("Location", containsString("/beta/servicePrincipals/"))
                .body("'@odata.context'", matchesPattern(".*/beta/\\$metadata#servicePrincipals/\\$entity"))
                .body("id", matchesPattern("[0-9a-f-]{36}"))
                .body("appId", equalTo(appId))
                .body("displayName", equalTo("Contoso HR Connector"))
                .body("appDisplayName", equalTo("Contoso HR Connector"))
                .body("applicationTemplateId", nullValue())
                .body("accountEnabled", equalTo(true))
                .body("appRoleAssignmentRequired", equalTo(false))
                .body("servicePrincipalType", equalTo("Application"))
                .body("servicePrincipalNames", contains(appId))
                .body("tags", contains("hr"))
                .body("deletedDateTime", nullValue());
    }

    @Test
    void getByObjectIdAndByAppIdAlternateKey() {
        String spId = GraphClient.newServicePrincipal("alternate-key");
        String appId = asAdmin().get("/v1.0/servicePrincipals/" + spId).then().statusCode(200)
                .body("id", equalTo(spId)).extract().path("appId");
        asAdmin().urlEncodingEnabled(false).get("/v1.0/servicePrincipals(appId='" + appId + "')")
                .then().statusCode(200).body("id", equalTo(spId));
        asAdmin().get("/beta/servicePrincipals/" + UUID.randomUUID())
                .then().statusCode(404).body("error.code", equalTo("Request_ResourceNotFound"))
                .body("error.message", notNullValue());
    }

    @Test
    void filterByDisplayNamePrefixAndByAppId() {
        String prefix = "Fabrikam-" + UUID.randomUUID().toString().substring(0, 8);
        String first = GraphClient.newServicePrincipal(prefix + " Payroll");
        String second = GraphClient.newServicePrincipal(prefix.toLowerCase() + " scim");
        GraphClient.newServicePrincipal("Other " + prefix);

        asAdmin().queryParam("$filter", "startswith(displayName,'" + prefix.toUpperCase() + "')")
                .queryParam("$select", "id,appId,displayName")
                .get("/beta/servicePrincipals")
                .then().statusCode(200)
                .body("'@odata.context'", containsString("#servicePrincipals(id,appId,displayName)"))
                .body("value", hasSize(2))
                .body("value.id", org.hamcrest.Matchers.containsInAnyOrder(first, second))
                .body("value[0].keySet()", org.hamcrest.Matchers.containsInAnyOrder("id", "appId", "displayName"));

        String appId = asAdmin().get("/beta/servicePrincipals/" + first).then().extract().path("appId");
        asAdmin().queryParam("$filter", "AppId eq '" + appId.toUpperCase() + "'").get("/beta/servicePrincipals")
                .then().statusCode(200).body("value", hasSize(1)).body("value[0].id", equalTo(first));
        asAdmin().queryParam("$filter", "startswith(displayName,'" + prefix + "') and not(displayName eq '"
                        + prefix + " Payroll')").get("/beta/servicePrincipals")
                .then().statusCode(200).body("value.id", contains(second));
    }

    @Test
    void pagingFollowsNextLinksWithoutDuplicates() {
        String prefix = "Paged-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            created.add(GraphClient.newServicePrincipal(prefix + "-" + i));
        }
        List<String> seen = new ArrayList<>();
        Response page = asAdmin().queryParam("$filter", "startswith(displayName,'" + prefix + "')")
                .queryParam("$top", 2).queryParam("$count", true).get("/beta/servicePrincipals");
        assertThat(page.jsonPath().getInt("'@odata.count'")).isEqualTo(5);
        while (true) {
            assertThat(page.statusCode()).isEqualTo(200);
            seen.addAll(page.jsonPath().getList("value.id"));
            String next = page.jsonPath().getString("'@odata.nextLink'");
            if (next == null) {
                break;
            }
            page = asAdmin().urlEncodingEnabled(false).get(next);
        }
        assertThat(seen).containsExactlyElementsOf(created);
    }

    @Test
    void patchChangesWritablePropertiesAndRejectsReadOnlyOnes() {
        String spId = GraphClient.newServicePrincipal("patch-me");
        json("{\"notes\":\"owned by HR\",\"accountEnabled\":false}").patch("/beta/servicePrincipals/" + spId)
                .then().statusCode(204);
        asAdmin().get("/beta/servicePrincipals/" + spId).then()
                .body("notes", equalTo("owned by HR")).body("accountEnabled", equalTo(false));
        json("{\"appId\":\"" + UUID.randomUUID() + "\"}").patch("/beta/servicePrincipals/" + spId)
                .then().statusCode(400).body("error.code", equalTo("Request_BadRequest"))
                .body("error.target", equalTo("appId"));
    }

    @Test
    void urlsPublisherAndInformationalUrlsAreStoredAndReturned() {
        String spId = GraphClient.newServicePrincipal("urls");
        json("{\"errorUrl\":\"https://fabrikam.example/error\",\"samlMetadataUrl\":\"https://fabrikam.example/saml\","
                + "\"publisherName\":\"Fabrikam\",\"info\":{\"@odata.type\":\"#microsoft.graph.informationalUrl\","
                + "\"supportUrl\":\"https://fabrikam.example/help\",\"logoUrl\":null}}")
                .patch("/beta/servicePrincipals/" + spId).then().statusCode(204);
        asAdmin().get("/v1.0/servicePrincipals/" + spId).then().statusCode(200)
                .body("errorUrl", equalTo("https://fabrikam.example/error"))
                .body("samlMetadataUrl", equalTo("https://fabrikam.example/saml"))
                .body("publisherName", equalTo("Fabrikam"))
                .body("info.supportUrl", equalTo("https://fabrikam.example/help"))
                .body("info.termsOfServiceUrl", nullValue())
                .body("info", org.hamcrest.Matchers.hasKey("marketingUrl"))
                .body("oauth2PermissionScopes", hasSize(0))
                .body("$", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("publishedPermissionScopes")));
        asAdmin().get("/beta/servicePrincipals/" + spId).then().statusCode(200)
                .body("publishedPermissionScopes", hasSize(0))
                .body("$", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("oauth2PermissionScopes")));
        asAdmin().queryParam("$select", "info,publisherName").get("/beta/servicePrincipals/" + spId).then()
                .statusCode(200).body("keySet()", org.hamcrest.Matchers.containsInAnyOrder("@odata.context", "id",
                        "info", "publisherName"));
        asAdmin().queryParam("$select", "oauth2PermissionScopes").get("/beta/servicePrincipals/" + spId).then()
                .statusCode(400);

        for (String bad : new String[]{"{\"errorUrl\":7}", "{\"info\":\"https://x\"}",
                "{\"info\":{\"shoeUrl\":\"https://x\"}}", "{\"info\":{\"logoUrl\":[]}}",
                "{\"samlMetadataUrl\":\"" + "x".repeat(2049) + "\"}", "{\"publisherName\":true}"}) {
            json(bad).patch("/beta/servicePrincipals/" + spId).then().statusCode(400)
                    .body("error.code", equalTo("Request_BadRequest"));
        }
    }

    @Test
    void readOnlyPropertiesAreRefusedByNameUnlessUnchanged() {
        String spId = GraphClient.newServicePrincipal("read-only");
        String tenant = asAdmin().get("/beta/servicePrincipals/" + spId).then().extract()
                .path("appOwnerOrganizationId");
        for (String property : new String[]{"appOwnerOrganizationId", "id", "applicationTemplateId"}) {
            json("{\"" + property + "\":\"" + UUID.randomUUID() + "\"}").patch("/beta/servicePrincipals/" + spId)
                    .then().statusCode(400).body("error.target", equalTo(property))
                    .body("error.message", containsString(property));
        }
        json("{\"deletedDateTime\":\"2024-01-01T00:00:00Z\"}").patch("/beta/servicePrincipals/" + spId)
                .then().statusCode(400).body("error.target", equalTo("deletedDateTime"));
        json("{\"deletedDateTime\":null,\"appOwnerOrganizationId\":\"" + tenant + "\",\"id\":\"" + spId
                + "\"}").patch("/beta/servicePrincipals/" + spId).then().statusCode(204);
    }

    @Test
    void deleteRemovesTheServicePrincipalAndItsJobs() {
        String[] job = GraphClient.newJob();
        asAdmin().delete("/beta/servicePrincipals/" + job[0]).then().statusCode(204);
        asAdmin().get("/beta/servicePrincipals/" + job[0]).then().statusCode(404);
        asAdmin().get(GraphClient.jobPath(job)).then().statusCode(404);
        asAdmin().delete("/beta/servicePrincipals/" + job[0]).then().statusCode(404);
    }

    @Test
    void countSegmentAnswersPlainText() {
        GraphClient.newServicePrincipal("counted");
        String count = asAdmin().get("/beta/servicePrincipals/$count").then().statusCode(200)
                .contentType(containsString("text/plain")).extract().asString();
        assertThat(Long.parseLong(count)).isPositive();
    }

    @Test
    void duplicateAppIdIsAConflict() {
        String appId = UUID.randomUUID().toString();
        json(Map.of("appId", appId).toString().replace("=", "\":\"").replace("{", "{\"").replace("}", "\"}"))
                .post("/beta/servicePrincipals").then().statusCode(201);
        json("{\"appId\":\"" + appId + "\"}").post("/beta/servicePrincipals")
                .then().statusCode(409).body("error.code", equalTo("Request_MultipleObjectsWithSameKeyValue"));
    }
}

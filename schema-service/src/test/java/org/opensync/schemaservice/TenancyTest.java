package org.opensync.schemaservice;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opensync.common.security.GraphPermissions;
import org.opensync.testing.TestTokens;

/**
 * schema-service checks the tenant itself (the job id names it), so a token of another tenant that reaches it directly
 * gets 404 on a job's schema routes, as if the job did not exist; tokens for another API are refused.
 */
@QuarkusTest
class TenancyTest {

    @Test
    void anotherTenantGets404OnTheJobSchemaRoutes() {
        String[] job = Jobs.created();
        String schema = Requests.authorized().get(job[2]).then().statusCode(200).extract().asString();
        String tenantB = TestTokens.applicationIn(UUID.randomUUID().toString(),
                GraphPermissions.SYNCHRONIZATION_READ_WRITE);
        for (String method : List.of("GET", "PUT", "PATCH", "DELETE")) {
            var request = given().auth().oauth2(tenantB);
            if (method.startsWith("P")) {
                request = request.contentType(ContentType.JSON).body(schema);
            }
            Response response = request.request(method, job[2]);
            assertThat(response.statusCode()).as(method).isEqualTo(404);
            assertThat(response.jsonPath().getString("error.code")).isEqualTo("itemNotFound");
        }
        given().auth().oauth2(tenantB).get(job[2] + "/directories").then().statusCode(404);
        Requests.authorized().get(job[2]).then().statusCode(200).body("id", equalTo(job[1]));
        given().auth().oauth2(TestTokens.applicationIn(Jobs.DEFAULT_TENANT.toString(),
                GraphPermissions.SYNCHRONIZATION_READ)).get(job[2]).then().statusCode(200);
    }

    @Test
    void anotherTenantNeitherSeesNorChangesTheTemplatesAndDirectoriesOfThisOne() {
        String templates = "/beta/servicePrincipals/" + UUID.randomUUID() + "/synchronization/templates";
        Requests.json("{\"id\":\"mine\",\"factoryTag\":\"CustomSCIM\",\"discoverable\":true}").post(templates)
                .then().statusCode(201);
        String[] job = Jobs.created();
        String tenantB = TestTokens.applicationIn(UUID.randomUUID().toString(),
                GraphPermissions.SYNCHRONIZATION_READ_WRITE);
        given().auth().oauth2(tenantB).get(templates).then().statusCode(200).body("value.id", not(hasItem("mine")));
        String builtIn = given().auth().oauth2(tenantB).get("/beta/servicePrincipals/" + UUID.randomUUID()
                + "/synchronization/templates/$count").then().statusCode(200).extract().asString();
        given().auth().oauth2(tenantB).get(templates + "/$count").then().statusCode(200).body(equalTo(builtIn));
        for (String path : List.of(templates + "/mine", templates + "/mine/schema")) {
            for (String method : List.of("GET", "PUT", "PATCH", "DELETE")) {
                var request = given().auth().oauth2(tenantB);
                if (method.startsWith("P")) {
                    request = request.contentType(ContentType.JSON).body("{\"description\":\"theirs\"}");
                }
                Response response = request.request(method, path);
                assertThat(response.statusCode()).as(method + " " + path).isEqualTo(404);
                assertThat(response.jsonPath().getString("error.code")).isEqualTo("itemNotFound");
            }
        }
        for (String schema : List.of(templates + "/mine/schema", job[2])) {
            given().auth().oauth2(tenantB).get(schema + "/directories/$count").then().statusCode(404);
            given().auth().oauth2(tenantB).contentType(ContentType.JSON).body("{\"name\":\"HR\"}")
                    .post(schema + "/directories").then().statusCode(404);
            given().auth().oauth2(tenantB).contentType(ContentType.JSON).body("{\"name\":\"HR\"}")
                    .patch(schema + "/directories/x").then().statusCode(404);
            given().auth().oauth2(tenantB).delete(schema + "/directories/x").then().statusCode(404);
        }
        Requests.authorized().get(templates + "/mine").then().statusCode(200).body("description", nullValue());
    }

    @Test
    void tokensForAnotherApiAreUnauthenticated() {
        String[] job = Jobs.created();
        given().auth().oauth2(TestTokens.applicationForAudience("https://graph.microsoft.com",
                GraphPermissions.SYNCHRONIZATION_READ_WRITE)).get(job[2]).then().statusCode(401);
        given().auth().oauth2(TestTokens.groupsOnly(GraphPermissions.SYNCHRONIZATION_READ_WRITE)).get(job[2]).then()
                .statusCode(403);
    }
}

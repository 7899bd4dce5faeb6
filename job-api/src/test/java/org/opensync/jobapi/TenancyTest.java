package org.opensync.jobapi;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.opensync.jobapi.GraphClient.jobPath;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opensync.common.security.GraphPermissions;
import org.opensync.common.tenancy.Tenants;
import org.opensync.testing.TestTokens;

/**
 * Two tenants: a caller of tenant B never sees or changes tenant A's resources, on any route, and gets 404 (not 403),
 * as if they did not exist.
 */
@QuarkusTest
class TenancyTest {
    private static final String TENANT_B = UUID.randomUUID().toString();
    private static final String ADMIN_B = TestTokens.applicationIn(TENANT_B, GraphPermissions.APPLICATION_READ_WRITE,
            GraphPermissions.SYNCHRONIZATION_READ_WRITE, GraphPermissions.AUDIT_LOG_READ);

    /** method, path below the job's service principal ({sp}) or job ({job}), body (or null). */
    private record Route(String method, String path, String body) {
    }

    private static final List<Route> ROUTES = List.of(
            new Route("GET", "{sp}", null),
            new Route("PATCH", "{sp}", "{\"notes\":\"b was here\"}"),
            new Route("DELETE", "{sp}", null),
            new Route("GET", "{sp}/synchronization", null),
            new Route("PUT", "{sp}/synchronization", "{\"secrets\":[]}"),
            new Route("PATCH", "{sp}/synchronization", "{}"),
            new Route("DELETE", "{sp}/synchronization", null),
            new Route("PUT", "{sp}/synchronization/secrets", "{\"value\":[{\"key\":\"BaseAddress\",\"value\":\"x\"}]}"),
            new Route("GET", "{sp}/synchronization/secrets/$count", null),
            new Route("GET", "{sp}/synchronization/Ping()", null),
            new Route("GET", "{sp}/synchronization/jobs", null),
            new Route("GET", "{sp}/synchronization/jobs/$count", null),
            new Route("POST", "{sp}/synchronization/jobs", "{\"templateId\":\"scim\"}"),
            new Route("GET", "{sp}/synchronization/templates", null),
            new Route("POST", "{sp}/synchronization/templates/scim/schema/parseExpression",
                    "{\"expression\":\"[mail]\"}"),
            new Route("POST", "{sp}/synchronization/templates", "{\"id\":\"mine\"}"),
            new Route("PUT", "{sp}/synchronization/templates/mine", "{}"),
            new Route("PATCH", "{sp}/synchronization/templates/mine/schema", "{}"),
            new Route("DELETE", "{sp}/synchronization/templates/mine", null),
            new Route("POST", "{sp}/synchronization/templates/mine/schema/directories", "{\"name\":\"HR\"}"),
            new Route("GET", "{job}", null),
            new Route("PATCH", "{job}", "{}"),
            new Route("DELETE", "{job}", null),
            new Route("POST", "{job}/start", null),
            new Route("POST", "{job}/pause", null),
            new Route("POST", "{job}/stop", null),
            new Route("POST", "{job}/restart", "{\"criteria\":{\"resetScope\":\"Full\"}}"),
            new Route("GET", "{job}/schema", null),
            new Route("PUT", "{job}/schema", "{}"),
            new Route("PATCH", "{job}/schema", "{}"),
            new Route("DELETE", "{job}/schema", null),
            new Route("GET", "{job}/schema/directories", null),
            new Route("POST", "{job}/schema/parseExpression", "{\"expression\":\"[mail]\"}"));

    @Test
    void anotherTenantGets404OnEveryRouteAndChangesNothing() {
        String[] job = GraphClient.newJob();
        String appId = GraphClient.asAdmin().get("/beta/servicePrincipals/" + job[0]).then().extract().path("appId");
        String sp = "/beta/servicePrincipals/" + job[0];
        String byAppId = "/v1.0/servicePrincipals(appId='" + appId + "')";
        for (Route route : ROUTES) {
            for (String base : List.of(sp, byAppId)) {
                String path = route.path().replace("{sp}", base)
                        .replace("{job}", base + "/synchronization/jobs/" + job[1]);
                RequestSpecification request = given().auth().oauth2(ADMIN_B);
                if (route.body() != null) {
                    request = request.contentType(ContentType.JSON).body(route.body());
                }
                Response response = request.request(route.method(), path);
                assertThat(response.statusCode()).as(route.method() + " " + path).isEqualTo(404);
                assertThat(response.jsonPath().getString("error.code")).as(path).isNotBlank();
            }
        }
        given().auth().oauth2(ADMIN_B).get("/beta/servicePrincipals").then().statusCode(200)
                .body("value.id", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(job[0])));
        given().auth().oauth2(ADMIN_B).get("/beta/applicationTemplates").then().statusCode(200);
        given().auth().oauth2(TestTokens.applicationIn(UUID.randomUUID().toString(),
                GraphPermissions.APPLICATION_READ)).get("/beta/servicePrincipals/$count").then().statusCode(200)
                .body(equalTo("0"));

        GraphClient.getJob(job).body("schedule.state", equalTo("Disabled"));
        GraphClient.asAdmin().get("/beta/servicePrincipals/" + job[0]).then().statusCode(200)
                .body("notes", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void anotherTenantCannotReachAnApplicationsSynchronization() {
        GraphClient.awaitTemplateCatalogue();
        var created = ApplicationTemplateTest.instantiate("tenant-a-app");
        String app = "/beta/applications/" + created.getString("application.id") + "/synchronization";
        String byAppId = "/v1.0/applications(appId='" + created.getString("application.appId") + "')/synchronization";
        String jobId = GraphClient.json("{\"templateId\":\"scim\"}").post(app + "/jobs").then().statusCode(201)
                .extract().path("id");
        for (String base : List.of(app, byAppId)) {
            for (String[] route : new String[][]{{"GET", ""}, {"GET", "/jobs"}, {"GET", "/jobs/" + jobId},
                    {"POST", "/jobs/" + jobId + "/start"}, {"DELETE", "/jobs/" + jobId}, {"GET", "/Ping()"},
                    {"GET", "/templates"}}) {
                Response response = given().auth().oauth2(ADMIN_B).urlEncodingEnabled(false)
                        .request(route[0], base + route[1]);
                assertThat(response.statusCode()).as(route[0] + " " + base + route[1]).isEqualTo(404);
                assertThat(response.jsonPath().getString("error.code")).isNotBlank();
            }
        }
        GraphClient.getJob(new String[]{created.getString("servicePrincipal.id"), jobId})
                .body("schedule.state", equalTo("Disabled"));
    }

    @Test
    void eachTenantHasItsOwnServicePrincipalsJobIdsAndAppIds() {
        String appId = UUID.randomUUID().toString();
        String body = "{\"appId\":\"" + appId + "\",\"displayName\":\"shared app\"}";
        GraphClient.json(body).post("/beta/servicePrincipals").then().statusCode(201)
                .body("appOwnerOrganizationId", equalTo(ProvisioningLogTest.DEFAULT_TENANT.toString()));
        String spB = given().auth().oauth2(ADMIN_B).contentType(ContentType.JSON).body(body)
                .post("/beta/servicePrincipals").then().statusCode(201)
                .body("appOwnerOrganizationId", equalTo(TENANT_B)).extract().path("id");
        given().auth().oauth2(ADMIN_B).contentType(ContentType.JSON).body(body).post("/beta/servicePrincipals")
                .then().statusCode(409);

        GraphClient.awaitTemplateCatalogue();
        String jobB = given().auth().oauth2(ADMIN_B).contentType(ContentType.JSON).body("{\"templateId\":\"scim\"}")
                .post("/beta/servicePrincipals/" + spB + "/synchronization/jobs").then().statusCode(201)
                .extract().path("id");
        assertThat(Tenants.ofJob(jobB)).contains(UUID.fromString(TENANT_B));
        given().auth().oauth2(ADMIN_B).get("/beta/servicePrincipals").then().statusCode(200)
                .body("value", hasSize(1)).body("value[0].id", equalTo(spB));
        GraphClient.asAdmin().get(jobPath(new String[]{spB, jobB})).then().statusCode(404);
    }

    @Test
    void aTokenWhoseTenantIsNotAGuidIsUnauthenticated() {
        given().auth().oauth2(TestTokens.applicationIn("contoso", GraphPermissions.APPLICATION_READ_WRITE))
                .get("/beta/servicePrincipals").then().statusCode(401)
                .body("error.code", equalTo("InvalidAuthenticationToken"));
    }
}

package org.opensync.jobapi;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.opensync.jobapi.GraphClient.asAdmin;
import static org.opensync.jobapi.GraphClient.json;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opensync.common.events.JobCommand;
import org.opensync.common.events.Topics;
import org.opensync.common.security.GraphPermissions;
import org.opensync.testing.TestTokens;
import org.opensync.testing.TopicProbe;

/** {@code /applications} and {@code /applications/{id}}: tenant-scoped, OwnedBy-aware, deleted with their SP. */
@QuarkusTest
class ApplicationTest {
    private TopicProbe commands;

    @BeforeEach
    void listen() {
        commands = TopicProbe.fromNow(Topics.JOB_COMMANDS);
    }

    @AfterEach
    void close() {
        commands.close();
    }

    @Test
    void anApplicationIsReadByIdOrAppIdAndListedWithODataOptions() {
        String name = "app-" + UUID.randomUUID();
        JsonPath created = ApplicationTemplateTest.instantiate(name);
        String id = created.getString("application.id");
        String appId = created.getString("application.appId");
        for (String version : new String[]{"beta", "v1.0"}) {
            asAdmin().get("/" + version + "/applications/" + id).then().statusCode(200)
                    .body("'@odata.context'", endsWith("/" + version + "/$metadata#applications/$entity"))
                    .body("id", equalTo(id)).body("appId", equalTo(appId)).body("displayName", equalTo(name))
                    .body("applicationTemplateId", equalTo(created.getString("application.applicationTemplateId")))
                    .body("signInAudience", equalTo("AzureADMyOrg"));
            asAdmin().urlEncodingEnabled(false).get("/" + version + "/applications(appId='" + appId + "')")
                    .then().statusCode(200).body("id", equalTo(id));
        }
        asAdmin().queryParam("$select", "id,displayName").get("/beta/applications/" + id).then().statusCode(200)
                .body("'@odata.context'", endsWith("#applications(id,displayName)/$entity"))
                .body("appId", nullValue());

        asAdmin().queryParam("$filter", "appId eq '" + appId + "'").queryParam("$select", "id,appId")
                .queryParam("$count", "true").get("/v1.0/applications").then().statusCode(200)
                .body("value", hasSize(1)).body("value[0].id", equalTo(id)).body("'@odata.count'", equalTo(1))
                .body("'@odata.context'", endsWith("#applications(id,appId)"));
        asAdmin().queryParam("$filter", "displayName eq '" + name.toUpperCase() + "'").get("/beta/applications")
                .then().statusCode(200).body("value.id", equalTo(java.util.List.of(id)));
        ApplicationTemplateTest.instantiate("app-page-" + UUID.randomUUID());
        String next = asAdmin().queryParam("$top", "1").get("/beta/applications").then().statusCode(200)
                .body("value", hasSize(1)).extract().path("'@odata.nextLink'");
        asAdmin().urlEncodingEnabled(false).get(next.substring(next.indexOf("/beta/"))).then().statusCode(200)
                .body("value", hasSize(1));
        asAdmin().queryParam("$filter", "notes eq 'x'").get("/beta/applications").then().statusCode(400)
                .body("error.code", equalTo("Request_UnsupportedQuery"));
        asAdmin().queryParam("$select", "nope").get("/beta/applications").then().statusCode(400);
        asAdmin().get("/beta/applications/" + UUID.randomUUID()).then().statusCode(404)
                .body("error.code", equalTo("Request_ResourceNotFound"));
        asAdmin().get("/beta/applications/$count").then().statusCode(200);
    }

    @Test
    void patchRenamesTheApplicationAndRefusesWhatItCannotChange() {
        JsonPath created = ApplicationTemplateTest.instantiate("before-" + UUID.randomUUID());
        String path = "/v1.0/applications/" + created.getString("application.id");
        json("{\"displayName\":\"after\",\"appId\":\"" + created.getString("application.appId") + "\"}").patch(path)
                .then().statusCode(204);
        asAdmin().get(path).then().body("displayName", equalTo("after"));
        asAdmin().get("/beta/servicePrincipals/" + created.getString("servicePrincipal.id")).then()
                .body("appDisplayName", equalTo("after"));
        json("{}").patch(path).then().statusCode(204);
        json("{\"appId\":\"" + UUID.randomUUID() + "\"}").patch(path).then().statusCode(400)
                .body("error.code", equalTo("Request_BadRequest")).body("error.message", containsString("appId"));
        json("{\"identifierUris\":[\"api://x\"]}").patch(path).then().statusCode(400)
                .body("error.message", containsString("identifierUris"));
        json("{\"displayName\":\"\"}").patch(path).then().statusCode(400);
        json("[]").patch(path).then().statusCode(400);
    }

    @Test
    void deletingTheApplicationDeletesItsServicePrincipalAndJobs() {
        GraphClient.awaitTemplateCatalogue();
        JsonPath created = ApplicationTemplateTest.instantiate("doomed-" + UUID.randomUUID());
        String id = created.getString("application.id");
        String spId = created.getString("servicePrincipal.id");
        String jobId = json("{\"templateId\":\"scim\"}").post("/beta/servicePrincipals/" + spId
                + "/synchronization/jobs").then().statusCode(201).extract().path("id");

        given().auth().oauth2(TestTokens.application(GraphPermissions.APPLICATION_READ))
                .delete("/beta/applications/" + id).then().statusCode(403);
        asAdmin().delete("/beta/applications/" + id).then().statusCode(204);

        commands.awaitOne(TopicProbe.keyed(jobId).and(TopicProbe.ofType(JobCommand.JobDeleted.class
                .getSimpleName())), Duration.ofSeconds(15));
        asAdmin().get("/beta/applications/" + id).then().statusCode(404);
        asAdmin().get("/beta/servicePrincipals/" + spId).then().statusCode(404);
        asAdmin().delete("/beta/applications/" + id).then().statusCode(404);
    }

    @Test
    void deletingTheServicePrincipalLeavesTheApplication() {
        JsonPath created = ApplicationTemplateTest.instantiate("kept-" + UUID.randomUUID());
        asAdmin().delete("/beta/servicePrincipals/" + created.getString("servicePrincipal.id")).then()
                .statusCode(204);
        asAdmin().get("/beta/applications/" + created.getString("application.id")).then().statusCode(200);
        asAdmin().delete("/beta/applications/" + created.getString("application.id")).then().statusCode(204);
    }

    @Test
    void anotherTenantAndOtherOwnersDoNotSeeIt() {
        JsonPath created = ApplicationTemplateTest.instantiate("private-" + UUID.randomUUID());
        String path = "/beta/applications/" + created.getString("application.id");
        RequestSpecification otherTenant = given().auth().oauth2(TestTokens.applicationIn(
                UUID.randomUUID().toString(), GraphPermissions.APPLICATION_READ_WRITE));
        otherTenant.get(path).then().statusCode(404).body("error.code", equalTo("Request_ResourceNotFound"));
        given().auth().oauth2(TestTokens.applicationIn(UUID.randomUUID().toString(),
                GraphPermissions.APPLICATION_READ_WRITE)).delete(path).then().statusCode(404);
        given().auth().oauth2(TestTokens.applicationIn(UUID.randomUUID().toString(),
                GraphPermissions.APPLICATION_READ_WRITE)).get("/beta/applications").then().statusCode(200)
                .body("value.id", not(hasItem(created.getString("application.id"))));

        String owner = UUID.randomUUID().toString();
        RequestSpecification ownerClient = given().auth().oauth2(TestTokens.applicationOf(owner,
                GraphPermissions.APPLICATION_READ_WRITE_OWNED_BY)).contentType("application/json");
        String owned = ownerClient.body("{\"displayName\":\"owned\"}").post("/beta/applicationTemplates/"
                + ApplicationTemplateTest.CUSTOM + "/instantiate").then().statusCode(201)
                .extract().path("application.id");
        RequestSpecification stranger = given().auth().oauth2(TestTokens.applicationOf(UUID.randomUUID().toString(),
                GraphPermissions.APPLICATION_READ_WRITE_OWNED_BY));
        stranger.get(path).then().statusCode(403);
        stranger.get("/beta/applications").then().statusCode(200).body("value", hasSize(0));
        given().auth().oauth2(TestTokens.applicationOf(owner, GraphPermissions.APPLICATION_READ_WRITE_OWNED_BY))
                .get("/beta/applications").then().statusCode(200).body("value.id", equalTo(java.util.List.of(owned)));
        given().auth().oauth2(TestTokens.applicationOf(owner, GraphPermissions.APPLICATION_READ_WRITE_OWNED_BY))
                .delete("/beta/applications/" + owned).then().statusCode(204);
    }

    @Test
    void applicationsAreNotCreatedByPost() {
        json("{\"displayName\":\"x\"}").post("/v1.0/applications").then().statusCode(405)
                .header("Allow", equalTo("GET")).body("error.code", equalTo("Request_BadRequest"))
                .body("error.message", containsString("instantiate"))
                .body("error.innerError.request-id", not(nullValue()));
    }
}

package org.opensync.jobapi;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.matchesPattern;
import static org.opensync.jobapi.GraphClient.asAdmin;
import static org.opensync.jobapi.GraphClient.json;

import io.quarkus.test.junit.QuarkusTest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.opensync.common.security.GraphPermissions;
import org.opensync.testing.TestTokens;

/**
 * The request examples Microsoft documents for the synchronization API (the ones PowerShell and Graph scripts copy),
 * sent as those scripts send them: the same methods, URLs with their query strings as written, and the same bodies character for
 * character. Only the ids of the examples are replaced by the ones this API gave out, since an example's service
 * principal and job do not exist here. The service principal's appId is the documentation's own.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DocumentedExamplesTest {
    private static final String APP_ID = "5b9c6f2e-8d11-4c3a-9e70-2c4d8f1a6b03";
    private String servicePrincipal;
    private String job;

    @Test
    @Order(1)
    void createAServicePrincipal() {
        servicePrincipal = json("""
                { "appId": "5b9c6f2e-8d11-4c3a-9e70-2c4d8f1a6b03" }""")
                .post("/beta/servicePrincipals").then().statusCode(201)
                .body("appId", equalTo(APP_ID))
                .body("servicePrincipalNames", hasItem(APP_ID))
                .body("'@odata.context'", endsWith("/beta/$metadata#servicePrincipals/$entity"))
                .extract().path("id");
    }

    @Test
    @Order(2)
    void listServicePrincipalsBySelectAndStartswith() {
        json("{\"displayName\":\"Contoso HR Connector\"}").patch("/beta/servicePrincipals/" + servicePrincipal)
                .then().statusCode(204);
        Map<String, Object> found = asAdmin()
                .get("/beta/servicePrincipals?$select=id,appId,displayName&$filter=startswith(displayName,'contoso')")
                .then().statusCode(200)
                .body("'@odata.context'", endsWith("$metadata#servicePrincipals(id,appId,displayName)"))
                .extract().path("value.find { it.id == '" + servicePrincipal + "' }");
        assertThat(found).containsOnlyKeys("id", "appId", "displayName")
                .containsEntry("appId", APP_ID).containsEntry("displayName", "Contoso HR Connector");
    }

    @Test
    @Order(3)
    void saveTheSecrets() {
        json("""
                {
                  "value": [
                    { "key": "BaseAddress", "value": "https://scim.fabrikam.example/v2" },
                    { "key": "SecretToken", "value": "eyJ0eXAiOi-example-token" },
                    { "key": "SyncNotificationSettings", "value": "{\\"Enabled\\":true,\\"Recipients\\":\\"ops@fabrikam.example\\",\\"DeleteThresholdEnabled\\":true,\\"DeleteThresholdValue\\":250}" },
                    { "key": "SyncAll", "value": "False" }
                  ]
                }""").put("/beta/servicePrincipals/" + servicePrincipal + "/synchronization/secrets")
                .then().statusCode(204);
        asAdmin().get("/beta/servicePrincipals/" + servicePrincipal + "/synchronization/secrets/$count")
                .then().statusCode(200).body(equalTo("4"));
    }

    @Test
    @Order(4)
    void createAJobFromTheScimTemplate() {
        GraphClient.awaitTemplateCatalogue();
        String jobs = "/beta/servicePrincipals/" + servicePrincipal + "/synchronization/jobs";
        var created = json("""
                { "templateId": "scim" }""").post(jobs).then().statusCode(201)
                .body("id", matchesPattern("scim\\.[0-9a-f]{32}\\.[0-9a-f-]{36}"))
                .body("'@odata.context'", endsWith("/beta/$metadata#servicePrincipals('" + servicePrincipal
                        + "')/synchronization/jobs/$entity"))
                .extract();
        job = created.path("id");
        assertThat(created.header("Location")).endsWith(jobs + "/" + job);
    }

    @Test
    @Order(5)
    void restartWithEscrowsAndQuarantineState() {
        json("""
                { "criteria": { "resetScope": "Escrows,QuarantineState" } }""")
                .post("/beta/servicePrincipals/" + servicePrincipal + "/synchronization/jobs/" + job + "/restart")
                .then().statusCode(204);
    }

    @Test
    @Order(6)
    void bulkUploadOneHire() {
        String[] inbound = BulkUploadTest.newInboundJob();
        String location = given().auth().oauth2(TestTokens.application(GraphPermissions.BULK_UPLOAD))
                .contentType("application/scim+json").body("""
                {
                  "schemas": [ "urn:ietf:params:scim:api:messages:2.0:BulkRequest" ],
                  "Operations": [
                    {
                      "method": "POST",
                      "bulkId": "E-40211",
                      "path": "/Users",
                      "data": {
                        "schemas": [
                          "urn:ietf:params:scim:schemas:core:2.0:User",
                          "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"
                        ],
                        "externalId": "E-40211",
                        "userName": "ivan.petrov@fabrikam.example",
                        "name": { "givenName": "Ivan", "familyName": "Petrov" },
                        "active": true,
                        "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": {
                          "employeeNumber": "E-40211",
                          "department": "Logistics",
                          "manager": { "value": "E-10007" }
                        }
                      }
                    }
                  ],
                  "failOnErrors": null
                }""")
                .post("/v1.0/servicePrincipals/" + inbound[0] + "/synchronization/jobs/" + inbound[1] + "/bulkUpload")
                .then().statusCode(202).header("request-id", notNullValue())
                .extract().header("Location");
        assertThat(URLDecoder.decode(location, StandardCharsets.UTF_8))
                .endsWith("/v1.0/auditLogs/provisioning/?$filter=jobid eq '" + inbound[1] + "'");
    }

    @Test
    @Order(7)
    void provisioningLogsOfTheJobThatFailed() {
        asAdmin().get("/beta/auditLogs/provisioning?$filter=jobId eq '" + job
                        + "' and provisioningStatusInfo/status eq 'failure'&$top=20")
                .then().statusCode(200)
                .body("value.size()", equalTo(0));
    }
}

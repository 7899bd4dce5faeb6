package org.opensync.jobapi;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.opensync.jobapi.CredentialsTest.ldapCredentials;
import static org.opensync.jobapi.CredentialsTest.pair;
import static org.opensync.jobapi.GraphClient.asAdmin;
import static org.opensync.jobapi.GraphClient.json;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opensync.common.security.GraphPermissions;
import org.opensync.sandbox.directory.SlapdTestDirectory;
import org.opensync.sandbox.scim.ScimServer;
import org.opensync.sandbox.scim.ScimServerConfig;
import org.opensync.testing.TestTokens;

/**
 * discover against the sandbox's SCIM server and the real slapd: the job's schema (from the schema-service stand-in,
 * initially the scim template's) gains the system's new attributes, keeps the mapped ones and is stored again.
 */
@QuarkusTest
class DiscoverTest {
    private static final String LDAP_DIRECTORY = "8f1c5d4e-2a3b-4c5d-9e6f-7a8b9c0d1e2f";
    private static final String SCIM_DIRECTORY = "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d";

    private static ScimServer scim;
    private static SlapdTestDirectory ldap;

    @BeforeAll
    static void start() {
        scim = new ScimServer(ScimServerConfig.defaults()).start();
        ldap = new SlapdTestDirectory();
    }

    @AfterAll
    static void stop() {
        scim.stop();
        ldap.close();
    }

    @Test
    void theApplicationsSchemaAddsAttributesAndKeepsTheMappedOnes() {
        String[] job = GraphClient.newJob();
        saveSecrets(job, pair("BaseAddress", scim.baseUrl()) + "," + pair("SecretToken", scim.config().bearerToken()));

        JsonPath first = discover(job, SCIM_DIRECTORY, "beta").statusCode(200)
                .body("id", equalTo(SCIM_DIRECTORY))
                .body("discoverabilities", equalTo("AttributeNames,AttributeDataTypes"))
                .body("discoveryDateTime", notNullValue())
                .body("version", notNullValue())
                .body("objects.find { it.name == 'User' }.attributes.name", hasItems("userName",
                        "emails[type eq \"work\"].value", "name.givenName", "name.middleName",
                        "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager"))
                .body("objects.find { it.name == 'User' }.attributes.find { it.name == 'active' }.type",
                        equalTo("Boolean"))
                .extract().jsonPath();
        JsonPath stored = JsonPath.from(new String(SchemaServiceStandIn.storedSchema(job[0], job[1]),
                StandardCharsets.UTF_8));
        assertThat(stored.getList("directories.find { it.id == '" + SCIM_DIRECTORY
                + "' }.objects.find { it.name == 'User' }.attributes.name", String.class)).contains("name.middleName");
        assertThat(stored.getList("synchronizationRules")).hasSize(1);

        String second = discover(job, SCIM_DIRECTORY, "v1.0").statusCode(200).extract().path("version");
        assertThat(second).isNotEqualTo(first.getString("version"));
    }

    @Test
    void theDirectorysSchemaTypesItsAttributes() {
        String[] job = GraphClient.newJob();
        saveSecrets(job, ldapCredentials(SlapdTestDirectory.PASSWORD, ldap.baseDn()));

        discover(job, LDAP_DIRECTORY, "beta").statusCode(200)
                .body("discoverabilities", equalTo("AttributeNames,AttributeDataTypes"))
                .body("objects.find { it.name == 'User' }.attributes.name",
                        hasItems("objectId", "IsSoftDeleted", "uid", "mail", "carLicense"))
                .body("objects.find { it.name == 'User' }.attributes.find { it.name == 'manager' }.type",
                        equalTo("Reference"))
                .body("objects.find { it.name == 'User' }.attributes.find { it.name == 'objectId' }.anchor",
                        equalTo(true))
                .body("objects.find { it.name == 'Group' }.attributes.find { it.name == 'member' }.multivalued",
                        equalTo(true))
                .body("objects.find { it.name == 'Group' }.attributes.name", not(hasItem("carLicense")));
    }

    @Test
    void anEditBetweenDiscoversReadAndWriteIsKeptAndDiscoverMergesIntoIt() {
        String[] job = GraphClient.newJob();
        saveSecrets(job, pair("BaseAddress", scim.baseUrl()) + "," + pair("SecretToken", scim.config().bearerToken()));
        String edited = asAdmin().get(GraphClient.jobPath(job) + "/schema").then().statusCode(200).extract()
                .asString().replace("LDAP_OUTBOUND_SCIM", "Edited concurrently");
        SchemaServiceStandIn.beforeAnsweringSchemaReads(1, () -> json(edited)
                .put(GraphClient.jobPath(job) + "/schema").then().statusCode(204));

        discover(job, SCIM_DIRECTORY, "beta").statusCode(200);
        JsonPath stored = JsonPath.from(new String(SchemaServiceStandIn.storedSchema(job[0], job[1]),
                StandardCharsets.UTF_8));
        assertThat(stored.getString("synchronizationRules[0].name")).isEqualTo("Edited concurrently");
        assertThat(stored.getList("directories.find { it.id == '" + SCIM_DIRECTORY
                + "' }.objects.find { it.name == 'User' }.attributes.name", String.class)).contains("name.middleName");
    }

    @Test
    void aSchemaEditedAtEveryAttemptAnswers409AndKeepsTheEdits() {
        String[] job = GraphClient.newJob();
        saveSecrets(job, pair("BaseAddress", scim.baseUrl()) + "," + pair("SecretToken", scim.config().bearerToken()));
        byte[] template = asAdmin().get(GraphClient.jobPath(job) + "/schema").then().statusCode(200).extract()
                .asByteArray();
        SchemaServiceStandIn.beforeAnsweringSchemaReads(3, () -> asAdmin().contentType("application/json")
                .body(template).put(GraphClient.jobPath(job) + "/schema").then().statusCode(204));

        discover(job, SCIM_DIRECTORY, "v1.0").statusCode(409).body("error.code", equalTo("conflict"))
                .body("error.message", containsString("3 attempts"));
        assertThat(JsonPath.from(new String(SchemaServiceStandIn.storedSchema(job[0], job[1]),
                StandardCharsets.UTF_8)).getList("directories.find { it.id == '" + SCIM_DIRECTORY
                + "' }.objects.find { it.name == 'User' }.attributes.name", String.class))
                .as("discover stored nothing over the edits").doesNotContain("name.middleName");

        SchemaServiceStandIn.beforeAnsweringSchemaReads(2, () -> asAdmin().contentType("application/json")
                .body(template).put(GraphClient.jobPath(job) + "/schema").then().statusCode(204));
        discover(job, SCIM_DIRECTORY, "beta").statusCode(200);
        assertThat(JsonPath.from(new String(SchemaServiceStandIn.storedSchema(job[0], job[1]),
                StandardCharsets.UTF_8)).getList("directories.find { it.id == '" + SCIM_DIRECTORY
                + "' }.objects.find { it.name == 'User' }.attributes.name", String.class))
                .as("the third merge, on the last edit, was stored").contains("name.middleName");
    }

    @Test
    void failuresAnswerAsGraphErrors() {
        String[] job = GraphClient.newJob();
        discover(job, SCIM_DIRECTORY, "beta").statusCode(400).body("error.code", equalTo("invalidRequest"));
        saveSecrets(job, ldapCredentials("wrong-password-1234", ldap.baseDn()));
        discover(job, LDAP_DIRECTORY, "beta").statusCode(400)
                .body("error.code", equalTo("CredentialValidationFailed"));
        discover(job, SCIM_DIRECTORY, "beta").statusCode(400).body("error.code", equalTo("invalidRequest"));
        discover(job, "no-such-directory", "beta").statusCode(404).body("error.code", equalTo("itemNotFound"));
        given().auth().oauth2(TestTokens.application(GraphPermissions.SYNCHRONIZATION_READ))
                .post(GraphClient.jobPath(job) + "/schema/directories/" + SCIM_DIRECTORY + "/discover")
                .then().statusCode(403);
    }

    private static void saveSecrets(String[] job, String pairs) {
        json("{\"value\":[" + pairs + "]}").put("/beta/servicePrincipals/" + job[0] + "/synchronization/secrets")
                .then().statusCode(204);
    }

    private static io.restassured.response.ValidatableResponse discover(String[] job, String directoryId,
                                                                        String version) {
        return asAdmin().post(GraphClient.jobPath(job).replace("/beta/", "/" + version + "/") + "/schema/directories/"
                + directoryId + "/discover").then();
    }
}

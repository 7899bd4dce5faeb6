package org.opensync.sandbox.scim;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Every PATCH form Entra sends, legacy and RFC-compliant. */
class ScimPatchTest extends ScimServerTestBase {

    private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    private static JsonNode patch(String id, String operations) {
        ScimTestClient.Response response = client.patch("/Users/" + id, ScimTestClient.patchOp(operations));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json()).isEqualTo(getUser(id));
        return response.json();
    }

    @ParameterizedTest
    @CsvSource({"Replace", "replace", "REPLACE", "Add", "add"})
    void opIsCaseInsensitive(String op) {
        String id = createUser(uniqueName("op"));
        JsonNode user = patch(id, "{\"op\":\"" + op + "\",\"path\":\"title\",\"value\":\"Engineer\"}");
        assertThat(user.get("title").asText()).isEqualTo("Engineer");
        assertThat(user.get("meta").get("version").asText()).isEqualTo("W/\"2\"");
    }

    @Test
    void simpleAndDottedPaths() {
        String id = createUser("dotted");
        JsonNode user = patch(id, """
                {"op":"Replace","path":"userName","value":"dotted.renamed"},
                {"op":"Replace","path":"name.familyName","value":"updatedFamilyName"},
                {"op":"Add","path":"nickName","value":"Babs"}""");
        assertThat(user.get("userName").asText()).isEqualTo("dotted.renamed");
        assertThat(user.get("name").get("familyName").asText()).isEqualTo("updatedFamilyName");
        assertThat(user.get("name").get("givenName").asText()).isEqualTo("Given");
        assertThat(user.get("nickName").asText()).isEqualTo("Babs");
        assertThat(client.filter("/Users", "userName eq \"dotted\"").json().get("totalResults").asInt()).isZero();
        assertThat(client.filter("/Users", "userName eq \"DOTTED.renamed\"").json().get("totalResults").asInt())
                .isEqualTo(1);
    }

    @Test
    void valueFilterPathsUpdateOrCreateTheElement() {
        String id = createUser("filtered");
        JsonNode user = patch(id, """
                {"op":"Replace","path":"emails[type eq \\"work\\"].value","value":"updatedEmail@microsoft.com"},
                {"op":"Add","path":"addresses[type eq \\"work\\"].postalCode","value":"98052"},
                {"op":"Add","path":"addresses[type eq \\"work\\"].locality","value":"Redmond"},
                {"op":"Add","path":"phoneNumbers[type eq \\"mobile\\"].value","value":"+1 (555) 010-1234"},
                {"op":"replace","path":"phoneNumbers[type eq \\"work\\"].value","value":"555.0100"}""");
        assertThat(user.get("emails")).hasSize(1);
        assertThat(user.get("emails").get(0).get("value").asText()).isEqualTo("updatedEmail@microsoft.com");
        assertThat(user.get("emails").get(0).get("primary").asBoolean()).isTrue();
        assertThat(user.get("addresses")).hasSize(1);
        JsonNode address = user.get("addresses").get(0);
        assertThat(address.get("type").asText()).isEqualTo("work");
        assertThat(address.get("postalCode").asText()).isEqualTo("98052");
        assertThat(address.get("locality").asText()).isEqualTo("Redmond");
        // Stored exactly as sent: no phone-number reformatting (§5.5).
        assertThat(user.get("phoneNumbers")).hasSize(2);
        assertThat(user.get("phoneNumbers").get(0).get("type").asText()).isEqualTo("mobile");
        assertThat(user.get("phoneNumbers").get(0).get("value").asText()).isEqualTo("+1 (555) 010-1234");
        assertThat(user.get("phoneNumbers").get(1).get("value").asText()).isEqualTo("555.0100");

        JsonNode removed = patch(id, "{\"op\":\"remove\",\"path\":\"phoneNumbers[type eq \\\"mobile\\\"]\"}");
        assertThat(removed.get("phoneNumbers")).hasSize(1);
        assertThat(removed.get("phoneNumbers").get(0).get("type").asText()).isEqualTo("work");
    }

    @Test
    void enterpriseExtensionUrnPaths() {
        String manager = createUser("ext.manager");
        String id = createUser("ext.report");
        JsonNode user = patch(id, """
                {"op":"Add","path":"%1$s:department","value":"Logistics"},
                {"op":"Add","path":"%1$s:employeeNumber","value":"000123"},
                {"op":"Add","path":"%1$s:manager","value":"%2$s"}""".formatted(ENTERPRISE, manager));
        JsonNode enterprise = user.get(ENTERPRISE);
        assertThat(enterprise.get("department").asText()).isEqualTo("Logistics");
        assertThat(enterprise.get("employeeNumber").asText()).isEqualTo("000123");
        assertThat(enterprise.get("manager").get("value").asText()).isEqualTo(manager);
        assertThat(user.get("schemas").toString()).contains(ENTERPRISE);

        String other = createUser("ext.other.manager");
        JsonNode rfcForm = patch(id, "{\"op\":\"replace\",\"path\":\"%s:manager\",\"value\":{\"value\":\"%s\"}}"
                .formatted(ENTERPRISE, other));
        assertThat(rfcForm.get(ENTERPRISE).get("manager").get("value").asText()).isEqualTo(other);

        // The legacy documented form: unqualified path, array of {$ref, value}.
        JsonNode legacy = patch(id, """
                {"op":"Add","path":"manager","value":[{"$ref":"http://x/scim/Users/%1$s","value":"%1$s"}]}"""
                .formatted(manager));
        assertThat(legacy.get(ENTERPRISE).get("manager").get("value").asText()).isEqualTo(manager);
        assertThat(legacy.has("manager")).isFalse();
    }

    @Test
    void extensionIsCreatedWhenTheUserHadNone() {
        ScimTestClient.Response created = client.post("/Users",
                "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"no.extension\"}");
        String id = created.json().get("id").asText();
        JsonNode user = patch(id, "{\"op\":\"add\",\"path\":\"%s:costCenter\",\"value\":\"CC-7\"}".formatted(ENTERPRISE));
        assertThat(user.get(ENTERPRISE).get("costCenter").asText()).isEqualTo("CC-7");
        assertThat(user.get("schemas")).hasSize(2);
    }

    @Test
    void compliantModeMergesSimplePathsIntoOneOpWithoutPath() {
        String id = createUser("merged");
        JsonNode user = patch(id, """
                {"op":"replace","value":{"displayName":"Merged User","name.givenName":"Mia","name.familyName":"Merge",
                    "%s:employeeNumber":"42","active":false}}""".formatted(ENTERPRISE));
        assertThat(user.get("displayName").asText()).isEqualTo("Merged User");
        assertThat(user.get("name").get("givenName").asText()).isEqualTo("Mia");
        assertThat(user.get("name").get("familyName").asText()).isEqualTo("Merge");
        assertThat(user.get("name").get("formatted").asText()).isEqualTo("Given Family");
        assertThat(user.get(ENTERPRISE).get("employeeNumber").asText()).isEqualTo("42");
        assertThat(user.get("active").asBoolean()).isFalse();

        JsonNode nested = patch(id, "{\"op\":\"add\",\"value\":{\"%s\":{\"division\":\"Labs\"},\"title\":\"Boss\"}}"
                .formatted(ENTERPRISE));
        assertThat(nested.get(ENTERPRISE).get("division").asText()).isEqualTo("Labs");
        assertThat(nested.get(ENTERPRISE).get("employeeNumber").asText()).isEqualTo("42");
        assertThat(nested.get("title").asText()).isEqualTo("Boss");
    }

    @ParameterizedTest
    @CsvSource({"\"False\",false", "\"false\",false", "false,false", "\"True\",true", "\"true\",true", "true,true"})
    void activeAcceptsBooleansAndTheirStrings(String value, boolean expected) {
        String id = createUser(uniqueName("active"));
        JsonNode user = patch(id, "{\"op\":\"Replace\",\"path\":\"active\",\"value\":" + value + "}");
        assertThat(user.get("active").isBoolean()).isTrue();
        assertThat(user.get("active").booleanValue()).isEqualTo(expected);
    }

    @Test
    void removeDropsTheAttribute() {
        String id = createUser("remove.me");
        patch(id, "{\"op\":\"Add\",\"path\":\"title\",\"value\":\"Temp\"}");
        JsonNode user = patch(id, "{\"op\":\"Remove\",\"path\":\"title\"},{\"op\":\"remove\",\"path\":\"name.formatted\"}");
        assertThat(user.has("title")).isFalse();
        assertThat(user.get("name").has("formatted")).isFalse();
        assertThat(user.get("name").get("givenName").asText()).isEqualTo("Given");
    }

    @Test
    void rolesAreStoredAsSentIncludingStringifiedJson() {
        String id = createUser("roles");
        JsonNode user = patch(id, """
                {"op":"Add","path":"roles","value":[{"value":"{\\"id\\":\\"06b07648\\",\\"value\\":\\"25\\",\\"displayName\\":\\"Role1234\\"}"}]}""");
        assertThat(user.get("roles")).hasSize(1);
        assertThat(user.get("roles").get(0).get("value").asText()).startsWith("{\"id\":\"06b07648\"");
    }

    @Test
    void patchErrors() {
        String id = createUser("patch.errors");
        assertScimError(client.patch("/Users/missing", ScimTestClient.patchOp(
                "{\"op\":\"Replace\",\"path\":\"title\",\"value\":\"x\"}")), 404, null);
        assertScimError(client.patch("/Users/" + id, "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"]}"),
                400, "invalidSyntax");
        assertScimError(client.patch("/Users/" + id, ScimTestClient.patchOp("{\"op\":\"jump\",\"path\":\"title\"}")),
                400, "invalidSyntax");
        assertScimError(client.patch("/Users/" + id, ScimTestClient.patchOp("{\"op\":\"remove\"}")), 400, "noTarget");
        assertScimError(client.patch("/Users/" + id, ScimTestClient.patchOp(
                "{\"op\":\"replace\",\"path\":\"emails[type eq\",\"value\":\"x\"}")), 400, "invalidPath");
        assertScimError(client.patch("/Users/" + id, ScimTestClient.patchOp(
                "{\"op\":\"replace\",\"path\":\"id\",\"value\":\"x\"}")), 400, "mutability");
        createUser("patch.taken");
        assertScimError(client.patch("/Users/" + id, ScimTestClient.patchOp(
                "{\"op\":\"Replace\",\"path\":\"userName\",\"value\":\"Patch.Taken\"}")), 409, "uniqueness");
        // A failed PATCH changes nothing, not even the version.
        assertThat(getUser(id).get("meta").get("version").asText()).isEqualTo("W/\"1\"");
    }
}

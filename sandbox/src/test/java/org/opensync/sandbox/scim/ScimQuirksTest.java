package org.opensync.sandbox.scim;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Each real-server quirk switched on, and the lenient default it replaces. */
class ScimQuirksTest extends ScimServerTestBase {

    private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    @BeforeEach
    void reset() {
        server.reset();
    }

    @Test
    void managerOnlyComplexRefusesABareIdAndAppliesNothing() {
        String manager = createUser("boss");
        String id = createUser("report");
        // Off: a bare id is stored as {"value": id}, in a POST body and in a PATCH.
        ScimTestClient.Response lenient = client.post("/Users", userWithManager("lenient", "\"" + manager + "\""));
        assertThat(lenient.status()).as(lenient.body()).isEqualTo(201);
        assertThat(lenient.json().get(ENTERPRISE).get("manager").get("value").asText()).isEqualTo(manager);
        assertThat(patch(id, "{\"op\":\"add\",\"path\":\"%s:manager\",\"value\":\"%s\"}".formatted(ENTERPRISE, manager))
                .status()).isEqualTo(200);
        assertThat(patch(id, "{\"op\":\"remove\",\"path\":\"%s:manager\"}".formatted(ENTERPRISE)).status())
                .isEqualTo(200);

        server.quirks().managerOnlyComplex(true);
        String version = getUser(id).get("meta").get("version").asText();
        assertManagerRefused(client.post("/Users", userWithManager("strict", "\"" + manager + "\"")));
        assertThat(server.users().find("userName eq \"strict\"")).isEmpty();
        assertManagerRefused(client.put("/Users/" + id, userWithManager("report", "\"" + manager + "\"")));
        assertManagerRefused(patch(id, """
                {"op":"replace","path":"title","value":"Clerk"},
                {"op":"add","path":"%s:manager","value":"%s"}""".formatted(ENTERPRISE, manager)));
        assertManagerRefused(patch(id, "{\"op\":\"add\",\"path\":\"manager\",\"value\":\"%s\"}".formatted(manager)));
        assertManagerRefused(patch(id, "{\"op\":\"add\",\"value\":{\"title\":\"Clerk\",\"%s:manager\":\"%s\"}}"
                .formatted(ENTERPRISE, manager)));
        assertManagerRefused(patch(id, "{\"op\":\"add\",\"value\":{\"%s\":{\"manager\":\"%s\"}}}"
                .formatted(ENTERPRISE, manager)));
        JsonNode untouched = getUser(id);
        assertThat(untouched.get("meta").get("version").asText()).isEqualTo(version);
        assertThat(untouched.has("title")).isFalse();

        ScimTestClient.Response complex = client.post("/Users", userWithManager("complex",
                "{\"value\":\"" + manager + "\"}"));
        assertThat(complex.status()).as(complex.body()).isEqualTo(201);
        assertThat(patch(id, "{\"op\":\"add\",\"path\":\"%s:manager\",\"value\":{\"value\":\"%s\"}}"
                .formatted(ENTERPRISE, manager)).status()).isEqualTo(200);
        String other = createUser("other.boss");
        ScimTestClient.Response subAttribute = patch(id,
                "{\"op\":\"replace\",\"path\":\"%s:manager.value\",\"value\":\"%s\"}".formatted(ENTERPRISE, other));
        assertThat(subAttribute.status()).as(subAttribute.body()).isEqualTo(200);
        assertThat(subAttribute.json().get(ENTERPRISE).get("manager")).isEqualTo(
                ScimTestClient.MAPPER.createObjectNode().put("value", other));
    }

    @Test
    void managerValuePathIsStoredAsComplexValueWithoutQuirks() {
        String manager = createUser("plain.boss");
        String id = client.post("/Users", "{\"userName\":\"plain.report\"}").json().get("id").asText();
        ScimTestClient.Response patched = patch(id, "{\"op\":\"add\",\"path\":\"%s:manager.value\",\"value\":\"%s\"}"
                .formatted(ENTERPRISE, manager));
        assertThat(patched.status()).as(patched.body()).isEqualTo(200);
        assertThat(patched.json().get(ENTERPRISE).get("manager")).isEqualTo(
                ScimTestClient.MAPPER.createObjectNode().put("value", manager));
        assertThat(patched.json().get("schemas").toString()).contains(ENTERPRISE);
    }

    @Test
    void badRequestForUnknownIdReplaces404() {
        String user = createUser("known");
        String group = createGroup("Known Group");
        for (String endpoint : List.of("/Users/", "/Groups/")) {
            assertScimError(client.get(endpoint + "missing"), 404, null);
            assertScimError(client.delete(endpoint + "missing"), 404, null);
        }
        assertScimError(client.put("/Users/missing", ScimTestClient.entraUser("missing", "missing")), 404, null);

        server.quirks().badRequestForUnknownId(true);
        for (String endpoint : List.of("/Users/", "/Groups/")) {
            assertInvalidId(client.get(endpoint + "missing"));
            assertInvalidId(client.delete(endpoint + "missing"));
            assertInvalidId(client.patch(endpoint + "missing",
                    ScimTestClient.patchOp("{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"x\"}")));
        }
        assertInvalidId(client.put("/Users/missing", ScimTestClient.entraUser("missing", "missing")));
        assertInvalidId(client.put("/Groups/missing", ScimTestClient.entraGroup("Missing", "missing")));
        assertThat(client.get("/Users/" + user).status()).isEqualTo(200);
        assertThat(client.get("/Groups/" + group).status()).isEqualTo(200);
        assertScimError(client.get("/Nope"), 404, null);
    }

    @Test
    void rejectAttributeWith500AnswersTheSameBodyAndAppliesNothing() {
        String id = createUser("titled");
        assertThat(patch(id, "{\"op\":\"replace\",\"path\":\"title\",\"value\":\"Before\"}").status()).isEqualTo(200);

        server.quirks().rejectAttributeWith500("title");
        ScimTestClient.Response first = patch(id, "{\"op\":\"replace\",\"path\":\"title\",\"value\":\"After\"}");
        ScimTestClient.Response second = patch(id, "{\"op\":\"replace\",\"path\":\"Title\",\"value\":\"Again\"}");
        assertScimError(first, 500, null);
        assertThat(second.status()).isEqualTo(500);
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(first.json().get("detail").asText()).isEqualTo("Unexpected error while handling attribute");
        assertThat(patch(id, """
                {"op":"replace","path":"displayName","value":"Shown"},
                {"op":"add","value":{"TITLE":"After"}}""").body()).isEqualTo(first.body());
        assertThat(client.put("/Users/" + id, "{\"userName\":\"titled\",\"title\":\"After\"}").body())
                .isEqualTo(first.body());
        assertThat(client.post("/Users", "{\"userName\":\"new.titled\",\"title\":\"After\"}").body())
                .isEqualTo(first.body());
        assertThat(server.users().size()).isEqualTo(1);
        JsonNode user = getUser(id);
        assertThat(user.get("title").asText()).isEqualTo("Before");
        assertThat(user.get("meta").get("version").asText()).isEqualTo("W/\"2\"");

        ScimTestClient.Response other = patch(id, "{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"Shown\"}");
        assertThat(other.status()).as(other.body()).isEqualTo(200);
        assertThat(client.post("/Users", "{\"userName\":\"untitled\",\"nickName\":\"x\"}").status()).isEqualTo(201);

        server.quirks().rejectAttributeWith500(null);
        assertThat(patch(id, "{\"op\":\"replace\",\"path\":\"title\",\"value\":\"After\"}").status()).isEqualTo(200);
    }

    @Test
    void ignorePagingReturnsEveryMatchInOnePage() {
        for (int i = 0; i < 3; i++) {
            createUser("paged." + i);
            createGroup("Paged " + i);
        }
        JsonNode paged = client.get("/Users?startIndex=2&count=1").json();
        assertThat(paged.get("totalResults").asInt()).isEqualTo(3);
        assertThat(paged.get("startIndex").asInt()).isEqualTo(2);
        assertThat(paged.get("itemsPerPage").asInt()).isEqualTo(1);
        assertThat(userNames(paged)).containsExactly("paged.1");

        server.quirks().ignorePaging(true);
        assertUnpaged(client.get("/Users?startIndex=2&count=1").json());
        assertUnpaged(
                client.get("/Users?filter=" + encoded("userName sw \"paged.\"") + "&startIndex=3&count=0").json());
        assertUnpaged(client.post("/Users/.search",
                "{\"filter\":\"userName sw \\\"paged.\\\"\",\"startIndex\":2,\"count\":1}").json());
        JsonNode groups = client.get("/Groups?count=1").json();
        assertThat(groups.get("Resources")).hasSize(3);
        assertThat(groups.get("itemsPerPage").asInt()).isEqualTo(3);
    }

    @Test
    void caseSensitiveUserNameLetsCaseVariantsCoexistAndFilterExactly() {
        String upper = createUser("JDoe");
        assertScimError(client.post("/Users", ScimTestClient.entraUser("jdoe", "jdoe")), 409, "uniqueness");
        assertThat(ids("userName eq \"jdoe\"")).containsExactly(upper);

        server.quirks().caseSensitiveUserName(true);
        String lower = createUser("jdoe");
        assertThat(ids("userName eq \"jdoe\"")).containsExactly(lower);
        assertThat(ids("userName eq \"JDoe\"")).containsExactly(upper);
        assertThat(ids("userName eq \"JDOE\"")).isEmpty();
        assertThat(server.users().find("userName eq \"JDOE\"")).isEmpty();
        assertScimError(client.post("/Users", ScimTestClient.entraUser("JDoe", "again")), 409, "uniqueness");
        assertScimError(patch(lower, "{\"op\":\"replace\",\"path\":\"userName\",\"value\":\"JDoe\"}"), 409,
                "uniqueness");
        // Group displayName is not userName: still unique ignoring case.
        createGroup("Team");
        assertScimError(client.post("/Groups", ScimTestClient.entraGroup("TEAM", "team")), 409, "uniqueness");

        server.quirks().caseSensitiveUserName(false);
        assertThat(ids("userName eq \"JDOE\"")).containsExactly(upper, lower);
    }

    @Test
    void resetSwitchesEveryQuirkOff() {
        server.quirks().managerOnlyComplex(true).badRequestForUnknownId(true).rejectAttributeWith500("title")
                .ignorePaging(true).caseSensitiveUserName(true).noBulk(true);
        assertThat(server.quirks().settings())
                .isEqualTo(new ServerQuirks.Settings(true, true, "title", true, true, true));
        server.reset();
        assertThat(server.quirks().settings()).isEqualTo(ServerQuirks.Settings.NONE);
        server.quirks().ignorePaging(true).clear();
        assertThat(server.quirks().settings()).isEqualTo(ServerQuirks.Settings.NONE);
    }

    private static ScimTestClient.Response patch(String id, String operations) {
        return client.patch("/Users/" + id, ScimTestClient.patchOp(operations));
    }

    private static String userWithManager(String userName, String managerJson) {
        return """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","%1$s"],"userName":"%2$s",
                  "%1$s":{"department":"Sales","manager":%3$s}}""".formatted(ENTERPRISE, userName, managerJson);
    }

    private static void assertManagerRefused(ScimTestClient.Response response) {
        assertScimError(response, 400, "invalidValue");
        assertThat(response.json().get("detail").asText()).contains("manager");
    }

    private static void assertInvalidId(ScimTestClient.Response response) {
        assertScimError(response, 400, null);
        assertThat(response.json().get("detail").asText()).startsWith("Invalid resource id");
    }

    private static void assertUnpaged(JsonNode list) {
        assertThat(list.get("totalResults").asInt()).isEqualTo(3);
        assertThat(list.get("startIndex").asInt()).isEqualTo(1);
        assertThat(list.get("itemsPerPage").asInt()).isEqualTo(3);
        assertThat(userNames(list)).containsExactly("paged.0", "paged.1", "paged.2");
    }

    private static List<String> userNames(JsonNode list) {
        List<String> names = new ArrayList<>();
        list.get("Resources").forEach(resource -> names.add(resource.get("userName").asText()));
        return names;
    }
}

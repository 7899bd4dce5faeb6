package org.opensync.sandbox.scim;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ScimUsersTest extends ScimServerTestBase {

    private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    @Test
    void createAnswers201WithServerIdAndMeta() {
        ScimTestClient.Response created = client.post("/Users", ScimTestClient.entraUser("create.me", "0a21f0f2"));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.contentType()).startsWith("application/scim+json");
        JsonNode user = created.json();
        String id = user.get("id").asText();
        assertThat(id).isNotBlank();
        assertThat(created.header("Location")).isEqualTo(server.baseUrl() + "/Users/" + id);
        JsonNode meta = user.get("meta");
        assertThat(meta.get("resourceType").asText()).isEqualTo("User");
        assertThat(meta.get("created").asText()).isNotBlank();
        assertThat(meta.get("lastModified").asText()).isEqualTo(meta.get("created").asText());
        assertThat(meta.get("location").asText()).isEqualTo(created.header("Location"));
        assertThat(meta.get("version").asText()).isEqualTo("W/\"1\"");
        assertThat(user.get("emails").get(0).get("value").asText()).isEqualTo("create.me@testuser.com");
        assertThat(user.get("roles").isArray()).isTrue();
        assertThat(getUser(id)).isEqualTo(user);
    }

    @Test
    void clientSuppliedIdAndMetaAreIgnoredAndNullsAreNotStored() {
        ScimTestClient.Response created = client.post("/Users", """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"id":"mine","userName":"nulls",
                  "title":null,"addresses":null,"meta":{"created":"1999-01-01T00:00:00Z"}}""");
        JsonNode user = created.json();
        assertThat(user.get("id").asText()).isNotEqualTo("mine");
        assertThat(user.has("title")).isFalse();
        assertThat(user.has("addresses")).isFalse();
        assertThat(user.get("meta").get("created").asText()).doesNotStartWith("1999");
    }

    @Test
    void missingUserIs404InScimErrorShape() {
        assertScimError(client.get("/Users/does-not-exist"), 404, null);
    }

    @Test
    void missingUserNameIs400() {
        assertScimError(client.post("/Users", "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"]}"),
                400, "invalidValue");
        assertScimError(client.post("/Users", "{not json"), 400, "invalidSyntax");
    }

    @Test
    void duplicateUserNameIs409UniquenessIgnoringCase() {
        createUser("Dup.User");
        assertScimError(client.post("/Users", ScimTestClient.entraUser("dup.USER", "other")), 409, "uniqueness");
    }

    @Test
    void userNameFilterIsCaseInsensitiveAndExternalIdFilterWorks() {
        String id = createUser("Case.Match");

        JsonNode list = client.filter("/Users", "userName eq \"case.match\"").json();
        assertThat(list.get("schemas").get(0).asText()).isEqualTo("urn:ietf:params:scim:api:messages:2.0:ListResponse");
        assertThat(list.get("totalResults").asInt()).isEqualTo(1);
        assertThat(list.get("Resources").get(0).get("id").asText()).isEqualTo(id);

        // externalId is caseExact (RFC 7643 §3.1).
        assertThat(client.filter("/Users", "externalId eq \"ext-Case.Match\"").json().get("totalResults").asInt())
                .isEqualTo(1);
        assertThat(client.filter("/Users", "externalId eq \"EXT-case.match\"").json().get("totalResults").asInt())
                .isZero();
    }

    @Test
    void entraStyleEncodedFilterAndUnknownFlagParameterAreAccepted() {
        createUser("jwong");
        ScimTestClient.Response response =
                client.get("/Users?aadOptscim062020&filter=externalId+eq+%22ext-jwong%22");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("totalResults").asInt()).isEqualTo(1);
    }

    @Test
    void noMatchIs200WithEmptyResourcesNever404() {
        ScimTestClient.Response response =
                client.filter("/Users", "userName eq \"Test_User_00aa00aa-bb11-cc22-dd33-44ee44ee44ee\"");
        assertThat(response.status()).isEqualTo(200);
        JsonNode list = response.json();
        assertThat(list.get("totalResults").asInt()).isZero();
        assertThat(list.get("itemsPerPage").asInt()).isZero();
        assertThat(list.get("Resources").isArray()).isTrue();
        assertThat(list.get("Resources")).isEmpty();
    }

    @Test
    void filterOperatorsAndValuePathsAndExtensionAttributes() {
        String alice = createUser("ops.alice");
        String bob = createUser("ops.bob");
        client.patch("/Users/" + alice, ScimTestClient.patchOp("""
                {"op":"add","path":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department","value":"Research"},
                {"op":"add","path":"title","value":"Chemist"}"""));
        client.patch("/Users/" + bob, ScimTestClient.patchOp("""
                {"op":"add","path":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager","value":"%s"}"""
                .formatted(alice)));

        assertThat(ids("userName sw \"ops.\"")).containsExactly(alice, bob);
        assertThat(ids("userName co \"ALICE\"")).containsExactly(alice);
        assertThat(ids("userName sw \"ops.\" and title pr")).containsExactly(alice);
        assertThat(ids("userName eq \"ops.alice\" or userName eq \"ops.bob\"")).containsExactly(alice, bob);
        assertThat(ids("userName sw \"ops.\" and not (title pr)")).containsExactly(bob);
        assertThat(ids("emails[type eq \"work\"].value eq \"ops.bob@testuser.com\"")).containsExactly(bob);
        assertThat(ids("emails[type eq \"work\" and value co \"alice\"]")).containsExactly(alice);
        assertThat(ids("emails.value ew \"alice@testuser.com\"")).containsExactly(alice);
        assertThat(ids(ENTERPRISE + ":department eq \"research\"")).containsExactly(alice);
        // SCIMDOC example 4: the manager check, unqualified, as Entra sends it.
        assertThat(ids("id eq \"" + bob + "\" and manager eq \"" + alice + "\"")).containsExactly(bob);
        assertThat(ids(ENTERPRISE + ":manager.value eq \"" + alice + "\"")).containsExactly(bob);
        assertThat(ids("meta.created gt \"2000-01-01T00:00:00Z\" and userName sw \"ops.\"")).hasSize(2);
    }

    @Test
    void invalidFilterIs400InvalidFilter() {
        assertScimError(client.filter("/Users", "userName eq"), 400, "invalidFilter");
        assertScimError(client.filter("/Users", "userName zz \"x\""), 400, "invalidFilter");
        assertScimError(client.filter("/Users", "(userName eq \"x\""), 400, "invalidFilter");
    }

    @Test
    void paginationFollowsCreationOrder() {
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            created.add(createUser(String.format("page.%02d", i)));
        }
        JsonNode page = client.get("/Users?filter=" + encoded("userName sw \"page.\"") + "&startIndex=11&count=10")
                .json();
        assertThat(page.get("totalResults").asInt()).isEqualTo(25);
        assertThat(page.get("startIndex").asInt()).isEqualTo(11);
        assertThat(page.get("itemsPerPage").asInt()).isEqualTo(10);
        assertThat(idsOf(page)).containsExactlyElementsOf(created.subList(10, 20));

        JsonNode last = client.get("/Users?filter=" + encoded("userName sw \"page.\"") + "&startIndex=21&count=10")
                .json();
        assertThat(idsOf(last)).containsExactlyElementsOf(created.subList(20, 25));

        JsonNode countOnly = client.get("/Users?count=0").json();
        assertThat(countOnly.get("totalResults").asInt()).isGreaterThanOrEqualTo(25);
        assertThat(countOnly.get("Resources")).isEmpty();

        JsonNode unfiltered = client.get("/Users?startIndex=1&count=5").json();
        assertThat(unfiltered.get("itemsPerPage").asInt()).isEqualTo(5);
        assertScimError(client.get("/Users?count=many"), 400, "invalidValue");
    }

    @Test
    void attributesAndExcludedAttributesShapeTheResponse() {
        String id = createUser("shape.me");
        JsonNode only = client.get("/Users/" + id + "?attributes=userName,name.givenName,emails.value").json();
        assertThat(only.get("id").asText()).isEqualTo(id);
        assertThat(only.get("schemas").isArray()).isTrue();
        assertThat(only.get("userName").asText()).isEqualTo("shape.me");
        assertThat(only.get("name").size()).isEqualTo(1);
        assertThat(only.get("name").get("givenName").asText()).isEqualTo("Given");
        assertThat(only.get("emails").get(0).size()).isEqualTo(1);
        assertThat(only.has("meta")).isFalse();
        assertThat(only.has("active")).isFalse();

        JsonNode without = client.get("/Users/" + id + "?excludedAttributes=emails,name.formatted").json();
        assertThat(without.has("emails")).isFalse();
        assertThat(without.get("name").has("formatted")).isFalse();
        assertThat(without.get("name").get("familyName").asText()).isEqualTo("Family");
        assertThat(without.get("userName").asText()).isEqualTo("shape.me");
    }

    @Test
    void passwordIsAcceptedButNeverReturned() {
        JsonNode created = client.post("/Users", """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"secret","password":"p4ss"}""")
                .json();
        assertThat(created.has("password")).isFalse();
        assertThat(getUser(created.get("id").asText()).has("password")).isFalse();
    }

    @Test
    void putReplacesTheWholeResourceKeepingIdAndCreated() {
        String id = createUser("put.me");
        JsonNode before = getUser(id);
        ScimTestClient.Response replaced = client.put("/Users/" + id, """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"put.me","displayName":"Put Me",
                  "active":false}""");
        assertThat(replaced.status()).isEqualTo(200);
        JsonNode after = replaced.json();
        assertThat(after.get("id").asText()).isEqualTo(id);
        assertThat(after.has("emails")).isFalse();
        assertThat(after.get("displayName").asText()).isEqualTo("Put Me");
        assertThat(after.get("meta").get("created")).isEqualTo(before.get("meta").get("created"));
        assertThat(after.get("meta").get("version").asText()).isEqualTo("W/\"2\"");

        createUser("put.other");
        assertScimError(client.put("/Users/" + id,
                "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"PUT.OTHER\"}"),
                409, "uniqueness");
        assertScimError(client.put("/Users/nope", ScimTestClient.entraUser("nope", "nope")), 404, null);
    }

    @Test
    void deleteIs204ThenGone() {
        String id = createUser("delete.me");
        ScimTestClient.Response deleted = client.delete("/Users/" + id);
        assertThat(deleted.status()).isEqualTo(204);
        assertThat(deleted.body()).isEmpty();
        assertScimError(client.get("/Users/" + id), 404, null);
        assertScimError(client.delete("/Users/" + id), 404, null);
        assertThat(client.filter("/Users", "userName eq \"delete.me\"").json().get("totalResults").asInt()).isZero();
        createUser("delete.me");
    }

    @Test
    void inactiveUsersAreStillReturned() {
        String id = createUser("inactive.me");
        client.patch("/Users/" + id, ScimTestClient.patchOp("{\"op\":\"Replace\",\"path\":\"active\",\"value\":\"False\"}"));
        JsonNode list = client.filter("/Users", "userName eq \"inactive.me\"").json();
        assertThat(list.get("totalResults").asInt()).isEqualTo(1);
        assertThat(list.get("Resources").get(0).get("active").asBoolean()).isFalse();
        assertThat(ids("active eq false and userName eq \"inactive.me\"")).containsExactly(id);
    }

    @Test
    void postSearchAcceptsAQueryBody() {
        String id = createUser("search.me");
        JsonNode list = client.post("/Users/.search", """
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:SearchRequest"],
                  "filter":"userName eq \\"search.me\\"","attributes":["userName"],"startIndex":1,"count":10}""").json();
        assertThat(idsOf(list)).containsExactly(id);
        assertThat(list.get("Resources").get(0).has("emails")).isFalse();
    }

    @Test
    void tokenIsRequiredExceptForDiscovery() {
        assertScimError(client.withToken(null).get("/Users"), 401, null);
        ScimTestClient.Response wrong = client.withToken("wrong").get("/Users");
        assertScimError(wrong, 401, null);
        assertThat(client.withToken(null).get("/ServiceProviderConfig").status()).isEqualTo(200);
    }

    @Test
    void unknownEndpointsAndMethods() {
        assertScimError(client.get("/Nope"), 404, null);
        assertScimError(client.send("PATCH", "/Users", "{}"), 405, null);
    }

    @Test
    void storeApiIsUsableFromTests() {
        // A user created in the app before provisioning (JIT), which the client's query must find.
        JsonNode seeded = server.users().create(ScimTestClient.MAPPER.createObjectNode().put("userName", "jit.user"));
        assertThat(ids("userName eq \"JIT.user\"")).containsExactly(seeded.get("id").asText());
        assertThat(server.users().find("userName eq \"jit.user\"")).hasSize(1);
        assertThat(server.users().get(seeded.get("id").asText())).isPresent();
    }
}

package org.opensync.sandbox.scim;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ScimBulkTest extends ScimServerTestBase {

    @AfterEach
    void cleanUp() {
        server.reset();
    }

    @Test
    void partialFailureAnswersEveryOperation() {
        createUser("bulk.taken");
        server.journal().clear();

        ScimTestClient.Response response = client.post("/Bulk", bulk(null,
                post("/Users", "u1", ScimTestClient.entraUser("bulk.one", "e1")),
                post("/Users", "u2", ScimTestClient.entraUser("BULK.TAKEN", "e2")),
                post("/Users", "u3", ScimTestClient.entraUser("bulk.three", "e3"))));

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode answer = response.json();
        assertThat(answer.get("schemas").get(0).asText())
                .isEqualTo("urn:ietf:params:scim:api:messages:2.0:BulkResponse");
        List<JsonNode> operations = list(answer.get("Operations"));
        assertThat(operations).extracting(op -> op.get("bulkId").asText()).containsExactly("u1", "u2", "u3");
        assertThat(operations).extracting(op -> op.get("status").asText()).containsExactly("201", "409", "201");
        assertThat(operations).allSatisfy(op -> assertThat(op.get("method").asText()).isEqualTo("POST"));

        JsonNode created = operations.get(0);
        String id = created.get("response").get("id").asText();
        assertThat(created.get("location").asText()).isEqualTo(server.baseUrl() + "/Users/" + id);
        assertThat(created.get("response").get("userName").asText()).isEqualTo("bulk.one");
        assertThat(created.get("version").asText()).isNotBlank();
        assertThat(getUser(id).get("userName").asText()).isEqualTo("bulk.one");

        JsonNode conflict = operations.get(1);
        assertThat(conflict.has("location")).isFalse();
        assertThat(conflict.get("response").get("scimType").asText()).isEqualTo("uniqueness");
        assertThat(conflict.get("response").get("status").asText()).isEqualTo("409");
        // The same error a single POST gets for the same body.
        ScimTestClient.Response single = client.post("/Users", ScimTestClient.entraUser("BULK.TAKEN", "e2"));
        assertThat(conflict.get("response")).isEqualTo(single.json());

        // The bulk's operations as requests of their own, marked, then the bulk itself, whose body holds them
        List<JournalEntry> journal = server.journal().matching(null, null);
        assertThat(journal).extracting(entry -> entry.method() + " " + entry.path() + " " + entry.status() + " "
                        + (entry.inBulk() ? "in bulk" : "alone"))
                .containsExactly("POST /Users 201 in bulk", "POST /Users 409 in bulk", "POST /Users 201 in bulk",
                        "POST /Bulk 200 alone", "GET /Users/" + id + " 200 alone", "POST /Users 409 alone");
        assertThat(journal.get(0).json().get("userName").asText()).isEqualTo("bulk.one");
        assertThat(journal.get(3).json().get("Operations")).hasSize(3);
    }

    @Test
    void putPatchAndDeleteRunThroughTheResourceEndpoints() {
        String id = createUser("bulk.other");
        String group = createGroup("bulk.team");

        ScimTestClient.Response response = client.post("/Bulk", bulk(null,
                op("PUT", "/Users/" + id, null, ScimTestClient.entraUser("bulk.renamed", "e9")),
                op("PATCH", "/Groups/" + group, null, ScimTestClient.patchOp(
                        "{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"" + id + "\"}]}")),
                op("DELETE", "/Users/missing", null, null),
                op("GET", "/Users/" + id, null, null)));

        List<JsonNode> operations = list(response.json().get("Operations"));
        assertThat(operations).extracting(op -> op.get("status").asText()).containsExactly("200", "204", "404", "400");
        assertThat(operations.get(0).get("location").asText()).isEqualTo(server.baseUrl() + "/Users/" + id);
        assertThat(operations.get(1).get("location").asText()).isEqualTo(server.baseUrl() + "/Groups/" + group);
        assertThat(operations.get(3).get("response").get("scimType").asText()).isEqualTo("invalidSyntax");
        assertThat(getUser(id).get("userName").asText()).isEqualTo("bulk.renamed");
        assertThat(server.groups().stored(group).get("members")).hasSize(1);
    }

    @Test
    void failOnErrorsStopsAndLeavesTheRestOut() {
        createUser("bulk.dup");
        ScimTestClient.Response response = client.post("/Bulk", bulk(1,
                post("/Users", "a", ScimTestClient.entraUser("bulk.first", "a")),
                post("/Users", "b", ScimTestClient.entraUser("bulk.dup", "b")),
                post("/Users", "c", ScimTestClient.entraUser("bulk.never", "c"))));

        assertThat(response.status()).isEqualTo(200);
        assertThat(list(response.json().get("Operations"))).extracting(op -> op.get("status").asText())
                .containsExactly("201", "409");
        assertThat(ids("userName eq \"bulk.never\"")).isEmpty();
        assertThat(ids("userName eq \"bulk.first\"")).hasSize(1);
    }

    @Test
    void bulkIdReferencesResolveInAnyOrder() {
        ScimTestClient.Response response = client.post("/Bulk", bulk(null,
                // The group comes first and refers to a user created further down.
                post("/Groups", "g", """
                        {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"bulk.group",
                         "members":[{"value":"bulkId:u"}]}"""),
                post("/Users", "u", ScimTestClient.entraUser("bulk.member", "m")),
                op("PATCH", "/Users/bulkId:u", null, ScimTestClient.patchOp(
                        "{\"op\":\"replace\",\"path\":\"title\",\"value\":\"Boss\"}"))));

        List<JsonNode> operations = list(response.json().get("Operations"));
        assertThat(operations).extracting(op -> op.get("status").asText()).containsExactly("201", "201", "200");
        String user = operations.get(1).get("response").get("id").asText();
        JsonNode group = operations.get(0).get("response");
        assertThat(group.get("members").get(0).get("value").asText()).isEqualTo(user);
        assertThat(operations.get(2).get("location").asText()).isEqualTo(server.baseUrl() + "/Users/" + user);
        assertThat(getUser(user).get("title").asText()).isEqualTo("Boss");
    }

    @Test
    void unresolvableAndCircularReferencesFailWith409() {
        ScimTestClient.Response response = client.post("/Bulk", bulk(null,
                post("/Groups", "g1", group("bulk.g1", "bulkId:g2")),
                post("/Groups", "g2", group("bulk.g2", "bulkId:g1")),
                post("/Groups", "g3", group("bulk.g3", "bulkId:nobody")),
                post("/Users", "u", ScimTestClient.entraUser("bulk.fine", "f"))));

        List<JsonNode> operations = list(response.json().get("Operations"));
        assertThat(operations).extracting(op -> op.get("status").asText())
                .containsExactly("409", "409", "409", "201");
        assertThat(operations.subList(0, 3)).allSatisfy(op ->
                assertThat(op.get("response").get("scimType").asText()).isEqualTo("invalidSyntax"));
        assertThat(server.groups().size()).isZero();
    }

    @Test
    void malformedOperationsFailAloneAndMalformedRequestsAsAWhole() {
        List<JsonNode> operations = list(client.post("/Bulk", bulk(null,
                op("POST", "/Users", null, ScimTestClient.entraUser("bulk.nobulkid", "x")),
                op("POST", "/Nowhere", "n", "{}"),
                post("/Users", "ok", ScimTestClient.entraUser("bulk.ok", "ok")))).json().get("Operations"));
        assertThat(operations).extracting(op -> op.get("status").asText()).containsExactly("400", "404", "201");

        assertScimError(client.post("/Bulk", "{}"), 400, "invalidSyntax");
        assertScimError(client.post("/Bulk", "{\"schemas\":[\"" + BulkEndpoint.REQUEST_SCHEMA + "\"]}"), 400,
                "invalidSyntax");
        assertScimError(client.post("/Bulk", bulk(0, post("/Users", "z", "{}"))), 400, "invalidValue");
        assertScimError(client.post("/Bulk", bulk(null, post("/Users", "z", "{}"), post("/Users", "z", "{}"))),
                400, "invalidSyntax");
        assertScimError(client.get("/Bulk"), 405, null);
    }

    @Test
    void requestsOverTheLimitsAre413() {
        try (ScimServer small = new ScimServer(ScimServerConfig.defaults().withBulkLimits(2, 2_000)).start()) {
            ScimTestClient smallClient = ScimTestClient.forServer(small);
            JsonNode config = smallClient.get("/ServiceProviderConfig").json().get("bulk");
            assertThat(config.get("maxOperations").asInt()).isEqualTo(2);
            assertThat(config.get("maxPayloadSize").asInt()).isEqualTo(2_000);

            assertScimError(smallClient.post("/Bulk", bulk(null, post("/Users", "a", user("a")),
                    post("/Users", "b", user("b")), post("/Users", "c", user("c")))), 413, null);
            String big = ScimTestClient.entraUser("x".repeat(2_000), "big");
            assertScimError(smallClient.post("/Bulk", bulk(null, post("/Users", "a", big))), 413, null);
            assertThat(small.users().size()).isZero();
            assertThat(smallClient.post("/Bulk", bulk(null, post("/Users", "a", user("a")),
                    post("/Users", "b", user("b")))).status()).isEqualTo(200);
            assertThat(small.users().size()).isEqualTo(2);
        }
    }

    @Test
    void noBulkQuirkModelsATargetWithoutBulk() {
        server.quirks().noBulk(true);
        assertScimError(client.post("/Bulk", bulk(null, post("/Users", "a", user("bulk.off")))), 501, null);
        JsonNode config = client.get("/ServiceProviderConfig").json().get("bulk");
        assertThat(config.get("supported").asBoolean()).isFalse();
        assertThat(config.get("maxOperations").asInt()).isZero();
        assertThat(server.users().size()).isZero();
    }

    @Test
    void tokenIsRequired() {
        String request = bulk(null, post("/Users", "a", user("bulk.auth")));
        assertScimError(client.withToken(null).post("/Bulk", request), 401, null);
        assertScimError(client.withToken("wrong").post("/Bulk", request), 401, null);
        assertThat(server.users().size()).isZero();
    }

    @Test
    void faultsApplyToTheBulkAndToEachOperation() {
        server.faults().add(FaultRule.respond(503).onMethod("POST").onPath("/Bulk").times(1));
        String request = bulk(null, post("/Users", "a", user("bulk.fa")), post("/Users", "b", user("bulk.fb")));
        assertScimError(client.post("/Bulk", request), 503, null);
        assertThat(server.users().size()).isZero();

        // A rule on POST /Users fails that operation inside the bulk, as it would fail a single POST.
        server.faults().add(FaultRule.respond(429).onMethod("POST").onPath("/Users").times(1));
        List<JsonNode> operations = list(client.post("/Bulk", request).json().get("Operations"));
        assertThat(operations).extracting(op -> op.get("status").asText()).containsExactly("429", "201");
        assertThat(server.faults().active()).isEmpty();
        assertThat(server.journal().matching("POST", "/Bulk")).extracting(JournalEntry::status)
                .containsExactly(503, 200);
        assertThat(server.counters().requests("POST")).isEqualTo(2);
    }

    private static String user(String userName) {
        return ScimTestClient.entraUser(userName, "ext-" + userName);
    }

    private static String group(String displayName, String member) {
        return "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],\"displayName\":\"" + displayName
                + "\",\"members\":[{\"value\":\"" + member + "\"}]}";
    }

    private static String post(String path, String bulkId, String data) {
        return op("POST", path, bulkId, data);
    }

    private static String op(String method, String path, String bulkId, String data) {
        return "{\"method\":\"" + method + "\",\"path\":\"" + path + "\""
                + (bulkId == null ? "" : ",\"bulkId\":\"" + bulkId + "\"")
                + (data == null ? "" : ",\"data\":" + data) + "}";
    }

    private static String bulk(Integer failOnErrors, String... operations) {
        return "{\"schemas\":[\"" + BulkEndpoint.REQUEST_SCHEMA + "\"],"
                + (failOnErrors == null ? "" : "\"failOnErrors\":" + failOnErrors + ",")
                + "\"Operations\":[" + String.join(",", operations) + "]}";
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> elements = new ArrayList<>();
        array.forEach(elements::add);
        return elements;
    }
}

package org.opensync.sandbox.scim;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ScimGroupsTest extends ScimServerTestBase {

    private static ScimTestClient.Response patchGroup(String id, String operations) {
        return client.patch("/Groups/" + id, ScimTestClient.patchOp(operations));
    }

    private static List<String> memberIds(String groupId) {
        List<String> ids = new ArrayList<>();
        client.get("/Groups/" + groupId).json().path("members").forEach(m -> ids.add(m.get("value").asText()));
        return ids;
    }

    @Test
    void createWithoutMembersThenMatchByDisplayNameWithoutMembers() {
        ScimTestClient.Response created = client.post("/Groups", ScimTestClient.entraGroup("Engineering", "8aa1a0c0"));
        assertThat(created.status()).isEqualTo(201);
        JsonNode group = created.json();
        assertThat(group.get("id").asText()).isNotBlank();
        assertThat(group.get("meta").get("resourceType").asText()).isEqualTo("Group");
        assertThat(group.get("schemas").get(1).asText())
                .isEqualTo("http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group");

        String id = group.get("id").asText();
        String user = createUser("eng.member");
        assertThat(patchGroup(id, "{\"op\":\"Add\",\"path\":\"members\",\"value\":[{\"$ref\":null,\"value\":\"" + user
                + "\"}]}").status()).isEqualTo(204);

        ScimTestClient.Response match = client.get("/Groups?excludedAttributes=members&filter="
                + java.net.URLEncoder.encode("displayName eq \"engineering\"", java.nio.charset.StandardCharsets.UTF_8));
        assertThat(match.status()).isEqualTo(200);
        JsonNode resources = match.json().get("Resources");
        assertThat(resources).hasSize(1);
        assertThat(resources.get(0).get("id").asText()).isEqualTo(id);
        assertThat(resources.get(0).has("members")).isFalse();

        JsonNode read = client.get("/Groups/" + id + "?excludedAttributes=members").json();
        assertThat(read.has("members")).isFalse();
        assertThat(read.get("displayName").asText()).isEqualTo("Engineering");
    }

    @Test
    void addSeveralMembersInOnePatchWithoutDuplicates() {
        String group = createGroup("Multi");
        String a = createUser("multi.a");
        String b = createUser("multi.b");
        String c = createUser("multi.c");
        assertThat(patchGroup(group, """
                {"op":"Add","path":"members","value":[{"$ref":null,"value":"%s"},{"value":"%s"}]}""".formatted(a, b))
                .status()).isEqualTo(204);
        assertThat(patchGroup(group, """
                {"op":"add","path":"members","value":[{"value":"%s"},{"value":"%s"}]}""".formatted(b, c)).status())
                .isEqualTo(204);
        assertThat(memberIds(group)).containsExactly(a, b, c);
        JsonNode first = client.get("/Groups/" + group).json().get("members").get(0);
        assertThat(first.has("$ref")).isFalse();
    }

    @Test
    void removeMembersLegacyAndCompliant() {
        String group = createGroup("Removals");
        String a = createUser("rm.a");
        String b = createUser("rm.b");
        String c = createUser("rm.c");
        patchGroup(group, "{\"op\":\"Add\",\"path\":\"members\",\"value\":[{\"value\":\"%s\"},{\"value\":\"%s\"},{\"value\":\"%s\"}]}"
                .formatted(a, b, c));

        assertThat(patchGroup(group, "{\"op\":\"Remove\",\"path\":\"members\",\"value\":[{\"value\":\"" + a + "\"}]}")
                .status()).isEqualTo(204);
        assertThat(memberIds(group)).containsExactly(b, c);

        assertThat(patchGroup(group, "{\"op\":\"remove\",\"path\":\"members[value eq \\\"" + b + "\\\"]\"}").status())
                .isEqualTo(204);
        assertThat(memberIds(group)).containsExactly(c);

        // Removing someone who is not a member is a no-op, not an error.
        assertThat(patchGroup(group, "{\"op\":\"remove\",\"path\":\"members[value eq \\\"" + a + "\\\"]\"}").status())
                .isEqualTo(204);
        assertThat(patchGroup(group, "{\"op\":\"Remove\",\"path\":\"members\"}").status()).isEqualTo(204);
        assertThat(memberIds(group)).isEmpty();
    }

    @Test
    void renameAnd409OnDuplicateDisplayName() {
        String group = createGroup("Old Name");
        assertThat(patchGroup(group, "{\"op\":\"Replace\",\"path\":\"displayName\",\"value\":\"New Name\"}").status())
                .isEqualTo(204);
        assertThat(client.get("/Groups/" + group).json().get("displayName").asText()).isEqualTo("New Name");

        assertScimError(client.post("/Groups", ScimTestClient.entraGroup("new name", "x")), 409, "uniqueness");
        createGroup("Old Name");
    }

    @Test
    void createWithMembersAndPutReplacesThem() {
        String a = createUser("put.member.a");
        String b = createUser("put.member.b");
        JsonNode created = client.post("/Groups", """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"With Members",
                  "members":[{"value":"%s","display":"A"}]}""".formatted(a)).json();
        String id = created.get("id").asText();
        assertThat(memberIds(id)).containsExactly(a);

        ScimTestClient.Response replaced = client.put("/Groups/" + id, """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"With Members",
                  "members":[{"value":"%s"}]}""".formatted(b));
        assertThat(replaced.status()).isEqualTo(200);
        assertThat(memberIds(id)).containsExactly(b);
    }

    @Test
    void deleteGroup() {
        String group = createGroup("Doomed");
        assertThat(client.delete("/Groups/" + group).status()).isEqualTo(204);
        assertScimError(client.get("/Groups/" + group), 404, null);
        assertScimError(client.delete("/Groups/" + group), 404, null);
    }

    @Test
    void missingDisplayNameIs400() {
        assertScimError(client.post("/Groups", "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"]}"), 400,
                "invalidValue");
    }
}

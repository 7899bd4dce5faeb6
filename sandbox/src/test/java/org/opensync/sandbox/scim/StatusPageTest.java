package org.opensync.sandbox.scim;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StatusPageTest extends ScimServerTestBase {

    @Test
    void listsUsersAndGroupsWithMemberCountsAndRefreshes() {
        String alice = createUser("page.<alice>");
        String bob = createUser("page.bob");
        client.patch("/Users/" + bob, ScimTestClient.patchOp("{\"op\":\"Replace\",\"path\":\"active\",\"value\":\"False\"}"));
        String group = createGroup("Page Group");
        client.patch("/Groups/" + group, ScimTestClient.patchOp(
                "{\"op\":\"Add\",\"path\":\"members\",\"value\":[{\"value\":\"%s\"},{\"value\":\"%s\"}]}".formatted(alice, bob)));

        ScimTestClient.Response page = new ScimTestClient(server.statusPageUrl(), null).get("");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.body())
                .contains("http-equiv=\"refresh\"")
                .contains("<td>page.&lt;alice&gt;</td><td></td><td>true</td>")
                .contains("<td>page.bob</td><td></td><td>false</td>")
                .contains("<td>Page Group</td><td>2</td>")
                .contains("Users (2)")
                .contains("Groups (1)");
        assertThat(new ScimTestClient(server.statusPageUrl() + "elsewhere", null).get("").status()).isEqualTo(404);
    }
}

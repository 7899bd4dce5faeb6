package org.opensync.sandbox.scim;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ScimDiscoveryTest extends ScimServerTestBase {

    @Test
    void serviceProviderConfig() {
        ScimTestClient.Response response = client.get("/ServiceProviderConfig");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("application/scim+json");
        JsonNode config = response.json();
        assertThat(config.get("schemas").get(0).asText())
                .isEqualTo("urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig");
        assertThat(config.get("patch").get("supported").asBoolean()).isTrue();
        assertThat(config.get("bulk").get("supported").asBoolean()).isTrue();
        assertThat(config.get("bulk").get("maxOperations").asInt()).isEqualTo(1_000);
        assertThat(config.get("bulk").get("maxPayloadSize").asInt()).isEqualTo(1_048_576);
        assertThat(config.get("filter").get("supported").asBoolean()).isTrue();
        assertThat(config.get("filter").get("maxResults").asInt()).isPositive();
        assertThat(config.get("authenticationSchemes").get(0).get("type").asText()).isEqualTo("oauthbearertoken");
        assertThat(config.get("meta").get("location").asText()).isEqualTo(server.baseUrl() + "/ServiceProviderConfig");
    }

    @Test
    void schemasListAndSingle() {
        JsonNode list = client.get("/Schemas").json();
        assertThat(list.get("totalResults").asInt()).isEqualTo(3);
        List<String> ids = new ArrayList<>();
        list.get("Resources").forEach(schema -> ids.add(schema.get("id").asText()));
        assertThat(ids).containsExactly("urn:ietf:params:scim:schemas:core:2.0:User",
                "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User",
                "urn:ietf:params:scim:schemas:core:2.0:Group");

        JsonNode user = client.get("/Schemas/urn:ietf:params:scim:schemas:core:2.0:User").json();
        assertThat(user.get("schemas").get(0).asText()).isEqualTo("urn:ietf:params:scim:schemas:core:2.0:Schema");
        assertThat(user.get("meta").get("resourceType").asText()).isEqualTo("Schema");
        JsonNode userName = user.get("attributes").get(0);
        assertThat(userName.get("name").asText()).isEqualTo("userName");
        assertThat(userName.get("type").asText()).isEqualTo("string");
        assertThat(userName.get("required").asBoolean()).isTrue();
        assertThat(userName.get("caseExact").asBoolean()).isFalse();
        assertThat(userName.get("uniqueness").asText()).isEqualTo("server");
        assertThat(userName.get("mutability").asText()).isEqualTo("readWrite");
        assertThat(userName.get("returned").asText()).isEqualTo("default");
        JsonNode emails = attribute(user, "emails");
        assertThat(emails.get("multiValued").asBoolean()).isTrue();
        assertThat(emails.get("subAttributes")).isNotEmpty();
        assertThat(attribute(user, "password").get("returned").asText()).isEqualTo("never");

        assertScimError(client.get("/Schemas/urn:nope"), 404, null);
    }

    @Test
    void resourceTypes() {
        JsonNode list = client.get("/ResourceTypes").json();
        assertThat(list.get("totalResults").asInt()).isEqualTo(2);
        JsonNode user = client.get("/ResourceTypes/User").json();
        assertThat(user.get("schemas").get(0).asText()).isEqualTo("urn:ietf:params:scim:schemas:core:2.0:ResourceType");
        assertThat(user.get("endpoint").asText()).isEqualTo("/Users");
        assertThat(user.get("schema").asText()).isEqualTo("urn:ietf:params:scim:schemas:core:2.0:User");
        assertThat(user.get("schemaExtensions").get(0).get("schema").asText())
                .isEqualTo("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User");
        assertThat(user.get("schemaExtensions").get(0).get("required").asBoolean()).isFalse();
        assertThat(client.get("/ResourceTypes/Group").json().get("endpoint").asText()).isEqualTo("/Groups");
    }

    private static JsonNode attribute(JsonNode schema, String name) {
        for (JsonNode attribute : schema.get("attributes")) {
            if (attribute.get("name").asText().equals(name)) {
                return attribute;
            }
        }
        throw new AssertionError("no attribute " + name);
    }
}

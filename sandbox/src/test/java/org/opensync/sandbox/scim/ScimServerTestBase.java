package org.opensync.sandbox.scim;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** One real server on an ephemeral port per test class. */
abstract class ScimServerTestBase {

    static ScimServer server;
    static ScimTestClient client;

    @BeforeAll
    static void startServer() {
        server = new ScimServer(ScimServerConfig.defaults().withThreads(8)).start();
        client = ScimTestClient.forServer(server);
    }

    @AfterAll
    static void stopServer() {
        server.stop();
    }

    private static final AtomicInteger NAMES = new AtomicInteger();

    /** userName is unique ignoring case, so parameterised tests cannot build names from their case-varied inputs. */
    static String uniqueName(String prefix) {
        return prefix + "." + NAMES.incrementAndGet();
    }

    static String createUser(String userName) {
        ScimTestClient.Response created = client.post("/Users", ScimTestClient.entraUser(userName, "ext-" + userName));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    static String createGroup(String displayName) {
        ScimTestClient.Response created =
                client.post("/Groups", ScimTestClient.entraGroup(displayName, "ext-" + displayName));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    static JsonNode getUser(String id) {
        ScimTestClient.Response response = client.get("/Users/" + id);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    static void assertScimError(ScimTestClient.Response response, int status, String scimType) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/scim+json");
        JsonNode error = response.json();
        assertThat(error.get("schemas").get(0).asText()).isEqualTo("urn:ietf:params:scim:api:messages:2.0:Error");
        assertThat(error.get("status").isTextual()).isTrue();
        assertThat(error.get("status").asText()).isEqualTo(String.valueOf(status));
        assertThat(error.get("detail").asText()).isNotBlank();
        if (scimType != null) {
            assertThat(error.get("scimType").asText()).isEqualTo(scimType);
        }
    }

    /** The ids a GET /Users?filter=… finds, in order. */
    static List<String> ids(String filter) {
        ScimTestClient.Response response = client.filter("/Users", filter);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return idsOf(response.json());
    }

    static List<String> idsOf(JsonNode list) {
        List<String> ids = new ArrayList<>();
        list.get("Resources").forEach(resource -> ids.add(resource.get("id").asText()));
        return ids;
    }

    static String encoded(String filter) {
        return URLEncoder.encode(filter, StandardCharsets.UTF_8);
    }
}

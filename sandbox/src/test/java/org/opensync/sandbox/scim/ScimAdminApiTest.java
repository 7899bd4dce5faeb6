package org.opensync.sandbox.scim;

import java.io.UncheckedIOException;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The /_sandbox endpoints, for benchmarks and tests that drive the server from another process. */
class ScimAdminApiTest extends ScimServerTestBase {

    private static ScimTestClient admin() {
        return new ScimTestClient(server.adminUrl(), server.config().bearerToken());
    }

    @BeforeEach
    void reset() {
        server.reset();
    }

    @Test
    void addListAndRemoveFaultsOverHttp() {
        ScimTestClient.Response added = admin().post("/faults",
                "{\"status\":503,\"retryAfter\":3,\"method\":\"GET\",\"path\":\"/Users.*\",\"times\":1}");
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        String id = added.json().get("id").asText();
        assertThat(added.json().get("retryAfter").asInt()).isEqualTo(3);

        JsonNode listed = admin().get("/faults").json().get("faults");
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).get("path").asText()).isEqualTo("/Users.*");

        ScimTestClient.Response faulted = client.get("/Users");
        assertThat(faulted.status()).isEqualTo(503);
        assertThat(faulted.header("Retry-After")).isEqualTo("3");
        assertThat(admin().get("/faults").json().get("faults")).isEmpty();

        String every = admin().post("/faults", "{\"malformed\":\"wrongShape\",\"everyNth\":2}").json().get("id").asText();
        assertThat(admin().delete("/faults/" + every).status()).isEqualTo(204);
        assertThat(admin().delete("/faults/" + id).status()).isEqualTo(404);
        admin().post("/faults", "{\"latencyMs\":1}");
        admin().post("/faults", "{\"drop\":true,\"durationMs\":1000,\"path\":\"/Nothing\"}");
        assertThat(admin().get("/faults").json().get("faults")).hasSize(2);
        assertThat(admin().delete("/faults").status()).isEqualTo(204);
        assertThat(admin().get("/faults").json().get("faults")).isEmpty();
    }

    @Test
    void badFaultRulesAre400() {
        assertThat(admin().post("/faults", "{\"status\":503,\"drop\":true}").status()).isEqualTo(400);
        assertThat(admin().post("/faults", "{\"malformed\":\"sideways\"}").status()).isEqualTo(400);
        assertThat(admin().post("/faults", "{\"status\":503,\"probability\":2}").status()).isEqualTo(400);
        assertThat(admin().post("/faults", "{\"status\":503,\"path\":\"(\"}").status()).isEqualTo(400);
    }

    @Test
    void journalCountersAndReset() {
        createUser("admin.journal");
        JsonNode entries = admin().get("/journal").json().get("entries");
        assertThat(entries).hasSize(1);
        assertThat(entries.get(0).get("method").asText()).isEqualTo("POST");
        assertThat(entries.get(0).get("path").asText()).isEqualTo("/Users");
        assertThat(entries.get(0).get("status").asInt()).isEqualTo(201);
        assertThat(entries.get(0).get("body").asText()).contains("admin.journal");

        JsonNode counters = admin().get("/counters").json();
        assertThat(counters.get("users").asInt()).isEqualTo(1);
        assertThat(counters.get("groups").asInt()).isZero();
        assertThat(counters.get("requestsByMethod").get("POST").asLong()).isEqualTo(1);
        assertThat(counters.get("responsesByStatus").get("201").asLong()).isEqualTo(1);

        assertThat(admin().delete("/journal").status()).isEqualTo(204);
        assertThat(admin().get("/journal").json().get("entries")).isEmpty();
        assertThat(admin().post("/reset", "").status()).isEqualTo(204);
        assertThat(server.users().size()).isZero();
    }

    @Test
    void quirksRoundTripOverHttpAndResetClearsThem() {
        String off = "{\"managerOnlyComplex\":false,\"badRequestForUnknownId\":false,\"rejectAttributeWith500\":null,"
                + "\"ignorePaging\":false,\"caseSensitiveUserName\":false,\"noBulk\":false}";
        ScimTestClient.Response initial = admin().get("/quirks");
        assertThat(initial.status()).isEqualTo(200);
        assertThat(initial.body()).isEqualTo(off);

        ScimTestClient.Response put =
                admin().put("/quirks", "{\"ignorePaging\":true,\"rejectAttributeWith500\":\"title\"}");
        assertThat(put.status()).as(put.body()).isEqualTo(200);
        assertThat(put.json().get("ignorePaging").asBoolean()).isTrue();
        assertThat(put.json().get("rejectAttributeWith500").asText()).isEqualTo("title");
        assertThat(put.json().get("managerOnlyComplex").asBoolean()).isFalse();
        assertThat(admin().get("/quirks").json()).isEqualTo(put.json());
        assertThat(server.quirks().settings())
                .isEqualTo(ServerQuirks.Settings.NONE.withIgnorePaging(true).withRejectAttributeWith500("title"));
        assertThat(new ScimTestClient(server.statusPageUrl(), null).get("").body())
                .contains("Quirks: rejectAttributeWith500=title,ignorePaging");

        // Missing keys are off: a PUT replaces the whole set.
        assertThat(admin().put("/quirks", "{\"caseSensitiveUserName\":true}").json().get("ignorePaging").asBoolean())
                .isFalse();
        assertThat(admin().put("/quirks", "{\"sideways\":true}").status()).isEqualTo(400);
        assertThat(admin().put("/quirks", "{\"ignorePaging\":\"yes\"}").status()).isEqualTo(400);
        assertThat(admin().put("/quirks", "{\"rejectAttributeWith500\":5}").status()).isEqualTo(400);
        assertThat(admin().put("/quirks", "[]").status()).isEqualTo(400);
        assertThat(admin().withToken(null).get("/quirks").status()).isEqualTo(401);
        assertThat(server.quirks().settings()).isEqualTo(ServerQuirks.Settings.NONE.withCaseSensitiveUserName(true));

        assertThat(admin().post("/reset", "").status()).isEqualTo(204);
        assertThat(admin().get("/quirks").body()).isEqualTo(off);
    }

    @Test
    void outageOverHttpAnswersFirst() throws InterruptedException {
        ScimTestClient.Response response = admin().post("/outage", "{\"durationMs\":300}");
        assertThat(response.status()).isEqualTo(202);
        assertThat(server.isDown()).as("down as soon as the answer is seen").isTrue();
        long deadline = System.currentTimeMillis() + 3_000;
        while (server.isDown() && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        assertThat(server.isDown()).isFalse();
        assertThat(answerOnceListening()).isEqualTo(200);
    }

    /** The status of GET /Users as soon as the listener accepts connections again (within 3 s). */
    private int answerOnceListening() throws InterruptedException {
        long deadline = System.currentTimeMillis() + 3_000;
        while (true) {
            try {
                return client.get("/Users").status();
            } catch (UncheckedIOException refused) {
                if (System.currentTimeMillis() > deadline) {
                    throw refused;
                }
                Thread.sleep(20);
            }
        }
    }

    @Test
    void adminNeedsTheToken() {
        assertThat(admin().withToken(null).get("/faults").status()).isEqualTo(401);
        assertThat(admin().get("/nothing").status()).isEqualTo(404);
    }
}

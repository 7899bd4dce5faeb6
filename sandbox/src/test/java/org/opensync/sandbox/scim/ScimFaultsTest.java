package org.opensync.sandbox.scim;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScimFaultsTest extends ScimServerTestBase {

    @BeforeEach
    void noFaults() {
        server.faults().clear();
        server.journal().clear();
    }

    @Test
    void statusForTheNextKMatchingRequests() {
        server.faults().add(FaultRule.respond(503).onMethod("POST").onPath("/Users").times(2));

        assertScimError(client.post("/Users", ScimTestClient.entraUser("fault.k", "k")), 503, null);
        assertThat(client.get("/Users?count=1").status()).isEqualTo(200);
        assertScimError(client.post("/Users", ScimTestClient.entraUser("fault.k", "k")), 503, null);
        assertThat(client.post("/Users", ScimTestClient.entraUser("fault.k", "k")).status()).isEqualTo(201);
        assertThat(server.faults().active()).isEmpty();
        // The faulted requests were not processed: only the third POST created a user.
        assertThat(server.users().find("userName eq \"fault.k\"")).hasSize(1);
    }

    @Test
    void throttlingWithRetryAfter() {
        server.faults().add(FaultRule.respond(429).retryAfter(7).times(1));
        ScimTestClient.Response throttled = client.get("/Users");
        assertScimError(throttled, 429, null);
        assertThat(throttled.header("Retry-After")).isEqualTo("7");
        assertThat(client.get("/Users").status()).isEqualTo(200);
    }

    @Test
    void everyNthAndProbability() {
        server.faults().add(FaultRule.respond(500).onPath("/Groups.*").everyNth(3));
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            statuses.add(client.get("/Groups").status());
        }
        assertThat(statuses).containsExactly(200, 200, 500, 200, 200, 500);

        server.faults().clear();
        server.faults().add(FaultRule.respond(500).probability(0.5).seed(42));
        int failures = 0;
        for (int i = 0; i < 40; i++) {
            failures += client.get("/Users?count=0").status() == 500 ? 1 : 0;
        }
        assertThat(failures).isBetween(8, 32);
        assertThat(server.faults().active().get(0).matched()).isEqualTo(40);
        assertThat(server.faults().active().get(0).fired()).isEqualTo(failures);
    }

    @Test
    void malformedBodiesAfterRealProcessing() {
        server.faults().add(FaultRule.malformed(Malformation.INVALID_JSON).onMethod("POST").times(1));
        ScimTestClient.Response broken = client.post("/Users", ScimTestClient.entraUser("fault.malformed", "m"));
        assertThat(broken.status()).isEqualTo(201);
        assertThat(broken.contentType()).startsWith("application/scim+json");
        assertThatThrownBy(() -> ScimTestClient.MAPPER.readTree(broken.body()))
                .isInstanceOf(JsonProcessingException.class);
        assertThat(server.users().find("userName eq \"fault.malformed\"")).hasSize(1);

        server.faults().add(FaultRule.malformed(Malformation.WRONG_SHAPE).onPath("/Users").times(1));
        ScimTestClient.Response shaped = client.get("/Users");
        assertThat(shaped.status()).isEqualTo(200);
        assertThat(shaped.json().isArray()).isTrue();
    }

    @Test
    void latencyDelaysThenProcesses() {
        server.faults().add(FaultRule.latency(Duration.ofMillis(250)).times(1));
        long start = System.nanoTime();
        ScimTestClient.Response response = client.get("/Users?count=1");
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
        assertThat(response.status()).isEqualTo(200);
        assertThat(elapsedMillis).isGreaterThanOrEqualTo(250);
    }

    @Test
    void dropClosesTheConnectionWithoutAnswer() {
        // Every matching request, so the HTTP client's own retry of a GET cannot hide the fault.
        String rule = server.faults().add(FaultRule.dropConnection().onPath("/Users"));
        assertThatThrownBy(() -> client.sendOrThrow("GET", "/Users", null)).isInstanceOf(IOException.class);
        assertThat(server.journal().matching("GET", "/Users")).allSatisfy(e -> assertThat(e.status()).isZero());
        assertThat(server.counters().responses(0)).isPositive();
        server.faults().remove(rule);
        assertThat(client.get("/Users").status()).isEqualTo(200);
    }

    @Test
    void activeForLimitsARuleInTime() throws InterruptedException {
        server.faults().add(FaultRule.respond(503).activeFor(Duration.ofMillis(300)));
        assertThat(client.get("/Users").status()).isEqualTo(503);
        Thread.sleep(350);
        assertThat(client.get("/Users").status()).isEqualTo(200);
        assertThat(server.faults().active()).isEmpty();
    }

    @Test
    void outageRefusesConnectionsThenRecovers() throws InterruptedException {
        server.outage(Duration.ofMillis(700));
        assertThat(server.isDown()).isTrue();
        assertThat(waitFor(false, 2_000)).as("connections refused during the outage").isTrue();
        assertThat(waitFor(true, 3_000)).as("listening again after the outage").isTrue();
        long deadline = System.currentTimeMillis() + 1_000;
        while (server.isDown() && System.currentTimeMillis() < deadline) {
            Thread.sleep(10);
        }
        assertThat(server.isDown()).as("the flag follows the listener").isFalse();
        assertThat(client.get("/Users?count=1").status()).isEqualTo(200);
    }

    @Test
    void stopDuringAnOutageStaysStopped() throws InterruptedException {
        ScimServer other = new ScimServer(ScimServerConfig.defaults().withThreads(2)).start();
        other.outage(Duration.ofMillis(300));
        long start = System.nanoTime();
        other.stop();
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(3_000);
        Thread.sleep(500);
        assertThatThrownBy(() -> new Socket("127.0.0.1", other.port()).close()).isInstanceOf(ConnectException.class);
    }

    /** Polls until a TCP connect succeeds (or is refused, when {@code listening} is false). */
    private static boolean waitFor(boolean listening, long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (System.currentTimeMillis() < deadline) {
            try (Socket ignored = new Socket("127.0.0.1", server.port())) {
                if (listening) {
                    return true;
                }
            } catch (ConnectException refused) {
                if (!listening) {
                    return true;
                }
            } catch (IOException other) {
                // transient; poll again
            }
            Thread.sleep(20);
        }
        return false;
    }
}

package org.opensync.connectors.scim;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.opensync.connectors.net.EgressPolicy;
import org.opensync.connectors.net.EgressSettings;
import org.opensync.sandbox.scim.FaultRule;
import org.opensync.sandbox.scim.Malformation;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * How the client meets target failures (statuses, throttling, timeouts), against real faults injected by the sandbox
 * server.
 */
class ScimClientFaultsTest extends SandboxScimServer {

    @Test
    void tooManyRequestsIsRetriedAfterTheRetryAfterDelay() {
        ScimClient client = client();
        ScimResource user = client.create(ScimResourceType.USER, Map.of("userName", "throttled"));
        server.faults().add(FaultRule.respond(429).retryAfter(1).onMethod("PATCH").times(2));
        long start = System.nanoTime();
        client.patch(ScimResourceType.USER, user.id(), client.patchBuilder().diff(Map.of(), Map.of("title", "x")));
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(1_900));
        assertThat(journal("PATCH", "/Users/.*")).extracting(e -> e.status()).containsExactly(429, 429, 200);
    }

    @Test
    void aRetryAfterBeyondTheLimitFailsAtOnceAsTooManyRequests() {
        ScimClient client = new ScimClient(settings().maxRetryAfter(Duration.ofSeconds(5)).build());
        server.faults().add(FaultRule.respond(429).retryAfter(3600).onMethod("GET").times(1));
        assertThatThrownBy(() -> client.get(ScimResourceType.USER, "x"))
                .isInstanceOfSatisfying(ScimException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(ScimErrorCode.TooManyRequests);
                    assertThat(e.transientFailure()).isTrue();
                    assertThat(e.retryAfter()).contains(Duration.ofHours(1));
                    assertThat(e.attempts()).isEqualTo(1);
                });
    }

    @Test
    void serverErrorsAreRetriedUntilTheyPass() {
        ScimClient client = client();
        ScimResource user = client.create(ScimResourceType.USER, Map.of("userName", "flaky"));
        server.faults().add(FaultRule.respond(500).onMethod("PATCH").times(1));
        server.faults().add(FaultRule.respond(502).onMethod("PATCH").times(1));
        client.patch(ScimResourceType.USER, user.id(), client.patchBuilder().diff(Map.of(), Map.of("title", "y")));
        assertThat(journal("PATCH", "/Users/.*")).extracting(e -> e.status()).containsExactly(500, 502, 200);

        server.faults().add(FaultRule.respond(503).onMethod("POST").times(1));
        assertThat(client.create(ScimResourceType.USER, Map.of("userName", "after-503")).id()).isNotBlank();
        assertThat(journal("POST", "/Users")).extracting(e -> e.status()).containsExactly(201, 503, 201);
    }

    @Test
    void theSame500TwiceIsAPermanentFailureNotRetriedFurther() {
        ScimClient client = client();
        ScimResource user = client.create(ScimResourceType.USER, Map.of("userName", "always-500"));
        server.faults().add(FaultRule.respond(500).onMethod("PATCH"));
        assertThatThrownBy(() -> client.patch(ScimResourceType.USER, user.id(),
                client.patchBuilder().diff(Map.of(), Map.of("title", "z"))))
                .isInstanceOfSatisfying(ScimException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(ScimErrorCode.InternalServerError);
                    assertThat(e.transientFailure()).isFalse();
                    assertThat(e.attempts()).isEqualTo(2);
                    assertThat(e.signature()).startsWith("500 ");
                    assertThat(e.getMessage()).contains("same answer to a repeated request");
                });
        assertThat(journal("PATCH", "/Users/.*")).extracting(e -> e.status()).containsExactly(500, 500);
    }

    @Test
    void anUnknownIdAnsweredWith400IsReadAsGone() {
        ScimClient client = client();
        ScimResource user = client.create(ScimResourceType.USER, Map.of("userName", "still-here"));
        server.quirks().badRequestForUnknownId(true);
        assertThat(client.exists(ScimResourceType.USER, user.id())).isTrue();
        assertThat(client.read(ScimResourceType.USER, "no-such-id")).isEmpty();
        assertThat(journal("GET", "/Users.*")).extracting(e -> e.status()).containsExactly(200, 400, 200);
    }

    @Test
    void aSlowTargetTimesOutWithinTheRequestTimeout() {
        ScimClient client = new ScimClient(settings().timeouts(Duration.ofSeconds(2), Duration.ofMillis(300))
                .maxRetries(0).build());
        server.faults().add(FaultRule.latency(Duration.ofSeconds(5)).onMethod("GET"));
        long start = System.nanoTime();
        assertThatThrownBy(() -> client.get(ScimResourceType.USER, "slow"))
                .isInstanceOfSatisfying(ScimException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(ScimErrorCode.Timeout);
                    assertThat(e.transientFailure()).isTrue();
                });
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
    }

    /** Headers at once, then a few bytes of the body and nothing more: the request timeout bounds the body too. */
    @Test
    void aTargetTricklingItsBodyTimesOutWithinTheRequestTimeout() throws Exception {
        HttpServer trickling = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        CountDownLatch release = new CountDownLatch(1);
        trickling.createContext("/", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/scim+json");
            exchange.sendResponseHeaders(200, 1000);
            exchange.getResponseBody().write("{\"id\":".getBytes(StandardCharsets.UTF_8));
            exchange.getResponseBody().flush();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        trickling.setExecutor(Executors.newCachedThreadPool());
        trickling.start();
        try {
            ScimClient client = new ScimClient(ScimSettings.builder("http://127.0.0.1:" + trickling.getAddress()
                            .getPort() + "/scim").secretToken("t").requestsPerSecond(0)
                    .timeouts(Duration.ofSeconds(2), Duration.ofMillis(500)).maxRetries(0)
                    .egress(EgressPolicy.of(EgressSettings.loopbackAllowed())).build());
            long start = System.nanoTime();
            assertThatThrownBy(() -> client.get(ScimResourceType.USER, "trickle"))
                    .isInstanceOfSatisfying(ScimException.class, e ->
                            assertThat(e.errorCode()).isEqualTo(ScimErrorCode.Timeout));
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        } finally {
            release.countDown();
            trickling.stop(0);
        }
    }

    @Test
    void aResponseLargerThanTheLimitFailsTheRequest() {
        ScimClient client = new ScimClient(settings().maxResponseBytes(100).maxRetries(0).build());
        ScimResource user = client().create(ScimResourceType.USER, Map.of("userName", "big", "displayName",
                "x".repeat(500)));
        assertThatThrownBy(() -> client.get(ScimResourceType.USER, user.id()))
                .isInstanceOfSatisfying(ScimException.class, e -> assertThat(e.getMessage())
                        .contains("larger than 100 bytes"));
    }

    @Test
    void aRetryAfterBeyondTheLimitDoesNotPauseTheJobForLong() {
        ScimClient client = new ScimClient(settings().maxRetryAfter(Duration.ofSeconds(1)).maxRetries(0).build());
        server.faults().add(FaultRule.respond(503).retryAfter(3600).onMethod("GET").times(1));
        assertThatThrownBy(() -> client.get(ScimResourceType.USER, "x")).isInstanceOf(ScimException.class);
        long start = System.nanoTime();
        assertThat(client.get(ScimResourceType.USER, "x")).isEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void serverErrorsThatPersistSurfaceAsTransientAfterTheLastRetry() {
        ScimClient client = new ScimClient(settings().maxRetries(2).build());
        server.faults().add(FaultRule.respond(503).onMethod("GET"));
        assertThatThrownBy(() -> client.findUnique(ScimResourceType.USER, "userName", "x"))
                .isInstanceOfSatisfying(ScimException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(ScimErrorCode.InternalServerError);
                    assertThat(e.status()).isEqualTo(503);
                    assertThat(e.transientFailure()).isTrue();
                    assertThat(e.attempts()).isEqualTo(3);
                })
                .hasMessageStartingWith("StatusCode: ServiceUnavailable (503) on GET /Users?filter=")
                .hasMessageEndingWith("This operation was retried 2 times.");
        assertThat(journal("GET", "/Users")).hasSize(3);
    }

    @Test
    void aPostThatMayHaveBeenCarriedOutIsNotRepeated() {
        ScimClient client = client();
        server.faults().add(FaultRule.respond(500).onMethod("POST").times(1));
        assertThatThrownBy(() -> client.create(ScimResourceType.USER, Map.of("userName", "once")))
                .isInstanceOfSatisfying(ScimException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(ScimErrorCode.InternalServerError);
                    assertThat(e.transientFailure()).isTrue();
                    assertThat(e.attempts()).isEqualTo(1);
                });
        server.faults().add(FaultRule.dropConnection().onMethod("POST").times(1));
        assertThatThrownBy(() -> client.create(ScimResourceType.USER, Map.of("userName", "dropped")))
                .isInstanceOfSatisfying(ScimException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(ScimErrorCode.WebExceptionProtocolError);
                    assertThat(e.status()).isZero();
                    assertThat(e.transientFailure()).isTrue();
                });
        assertThat(journal("POST", "/Users")).hasSize(2);
    }

    @Test
    void aDroppedConnectionOnAReadIsRetried() {
        ScimClient client = client();
        server.faults().add(FaultRule.dropConnection().onMethod("GET").times(1));
        assertThat(client.findUnique(ScimResourceType.USER, "userName", "nobody")).isEmpty();
        assertThat(journal("GET", "/Users")).extracting(e -> e.status()).containsExactly(0, 200);
    }

    @Test
    void aTargetThatIsDownIsRetriedUntilItIsBack() {
        ScimClient client = new ScimClient(settings().maxRetries(6)
                .backoff(Duration.ofMillis(200), Duration.ofMillis(800)).build());
        server.outage(Duration.ofMillis(700));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(2)).until(server::isDown);
        assertThat(client.findUnique(ScimResourceType.USER, "userName", "nobody")).isEmpty();
    }

    @Test
    void malformedResponsesAreAnIncompatibilityNotACrash() {
        ScimClient client = client();
        server.faults().add(FaultRule.malformed(Malformation.INVALID_JSON).onMethod("POST").times(1));
        assertThatThrownBy(() -> client.create(ScimResourceType.USER, Map.of("userName", "cut")))
                .isInstanceOfSatisfying(ScimException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(ScimErrorCode.SystemForCrossDomainIdentityManagementServiceIncompatible);
                    assertThat(e.transientFailure()).isFalse();
                    assertThat(e.webResponse()).isPresent();
                })
                .hasMessageContaining("not JSON");
        server.faults().add(FaultRule.malformed(Malformation.WRONG_SHAPE).onMethod("GET").times(2));
        assertThatThrownBy(() -> client.findUnique(ScimResourceType.USER, "userName", "x"))
                .isInstanceOf(ScimException.class).hasMessageContaining("ListResponse");
        assertThatThrownBy(() -> client.testConnection())
                .isInstanceOfSatisfying(ScimException.class, e -> assertThat(e.errorCode())
                        .isEqualTo(ScimErrorCode.SystemForCrossDomainIdentityManagementServiceIncompatible));
    }

    @Test
    void aCreateAnswerWithoutIdIsAnIncompatibility() {
        ScimClient client = client();
        server.faults().add(FaultRule.malformed(Malformation.WRONG_SHAPE).onMethod("POST").times(1));
        assertThatThrownBy(() -> client.create(ScimResourceType.USER, Map.of("userName", "shape")))
                .isInstanceOf(ScimException.class).hasMessageContaining("expected a SCIM resource object");
    }

    @Test
    void aWrongTokenIsACredentialProblem() {
        ScimClient wrongToken = new ScimClient(settings().secretToken("wrong").build());
        ScimClient noToken = new ScimClient(settings().secretToken("").build());
        for (ScimClient client : new ScimClient[] {wrongToken, noToken}) {
            assertThatThrownBy(client::testConnection)
                    .isInstanceOfSatisfying(ScimException.class, e -> {
                        assertThat(e.errorCode()).isEqualTo(ScimErrorCode.Unauthorized);
                        assertThat(e.status()).isEqualTo(401);
                        assertThat(e.credentialProblem()).isTrue();
                        assertThat(e.transientFailure()).isFalse();
                        assertThat(e.attempts()).isEqualTo(1);
                    });
        }
    }
}

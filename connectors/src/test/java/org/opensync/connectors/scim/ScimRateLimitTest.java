package org.opensync.connectors.scim;

import org.junit.jupiter.api.Test;
import org.opensync.sandbox.scim.FaultRule;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
  * The per-job rate limit and cap on requests under way. Assertions are lower bounds only (N requests at R per second cannot finish in less than
  * (N-1)/R seconds), so a slow machine cannot make them flaky.
  */
class ScimRateLimitTest extends SandboxScimServer {

    @Test
    void requestsFromOneThreadAreSpacedByTheRate() {
        ScimClient client = new ScimClient(settings().requestsPerSecond(10).build());
        long start = System.nanoTime();
        for (int i = 0; i < 11; i++) {
            client.findUnique(ScimResourceType.USER, "userName", "u" + i);
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(1_000));
        assertThat(journal("GET", "/Users")).hasSize(11);
    }

    @Test
    void theLimitHoldsForTheWholeJobAcrossThreads() throws Exception {
        ScimClient client = new ScimClient(settings().requestsPerSecond(20).build());
        ExecutorService threads = Executors.newFixedThreadPool(4);
        long start = System.nanoTime();
        try {
            List<Future<?>> calls = new ArrayList<>();
            for (int i = 0; i < 21; i++) {
                int n = i;
                calls.add(threads.submit(() -> client.findUnique(ScimResourceType.USER, "userName", "p" + n)));
            }
            for (Future<?> call : calls) {
                call.get();
            }
        } finally {
            threads.shutdown();
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(1_000));
    }

    @Test
    void noMoreRequestsAreUnderWayThanTheCap() throws Exception {
        ScimClient client = new ScimClient(settings().requestsPerSecond(0).requestsInFlight(2).build());
        server.faults().add(FaultRule.latency(Duration.ofMillis(300)).onMethod("GET"));
        ExecutorService threads = Executors.newFixedThreadPool(8);
        long start = System.nanoTime();
        try {
            List<Future<?>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                int n = i;
                calls.add(threads.submit(() -> client.findUnique(ScimResourceType.USER, "userName", "c" + n)));
            }
            for (Future<?> call : calls) {
                call.get();
            }
        } finally {
            threads.shutdown();
        }
        // Eight requests of 300 ms, two at a time: four rounds
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(1_200));
        assertThat(journal("GET", "/Users")).hasSize(8);
    }

    @Test
    void aRequestThatGetsNoTurnWithinTheRequestTimeoutFailsAsATimeoutWithoutBeingSent() throws Exception {
        ScimClient client = new ScimClient(settings().requestsPerSecond(0).requestsInFlight(1).maxRetries(0)
                .timeouts(Duration.ofSeconds(2), Duration.ofSeconds(2)).build());
        server.faults().add(FaultRule.latency(Duration.ofMillis(500)).onMethod("GET"));
        ExecutorService threads = Executors.newFixedThreadPool(6);
        List<Future<?>> calls = new ArrayList<>();
        try {
            for (int i = 0; i < 6; i++) {
                int n = i;
                calls.add(threads.submit(() -> client.findUnique(ScimResourceType.USER, "userName", "t" + n)));
            }
            List<ScimException> failures = new ArrayList<>();
            for (Future<?> call : calls) {
                try {
                    call.get();
                } catch (ExecutionException e) {
                    failures.add((ScimException) e.getCause());
                }
            }
            // One at a time, 500 ms each: the sixth in line cannot have its turn within two seconds
            assertThat(failures).anySatisfy(failure -> {
                assertThat(failure.errorCode()).isEqualTo(ScimErrorCode.Timeout);
                assertThat(failure.retryable()).isTrue();
                assertThat(failure.getMessage()).contains("requests under way");
            });
            long notSent = failures.stream().filter(failure -> failure.getMessage().contains("under way")).count();
            assertThat(journal("GET", "/Users")).hasSize(6 - (int) notSent);
        } finally {
            threads.shutdown();
        }
    }

    @Test
    void throttlingHalvesTheRateAndSuccessWinsItBack() {
        ScimClient client = new ScimClient(settings().requestsPerSecond(40).build());
        server.faults().add(FaultRule.respond(429).onMethod("GET").times(1));
        client.findUnique(ScimResourceType.USER, "userName", "first");
        assertThat(client.currentRequestRate()).isLessThan(40);
        for (int i = 0; i < 60; i++) {
            client.findUnique(ScimResourceType.USER, "userName", "again" + i);
        }
        assertThat(client.currentRequestRate()).isEqualTo(40);
    }

    @Test
    void zeroMeansUnlimited() {
        ScimClient client = new ScimClient(settings().requestsPerSecond(0).build());
        long start = System.nanoTime();
        for (int i = 0; i < 50; i++) {
            client.create(ScimResourceType.USER, Map.of("userName", "fast" + i));
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }
}

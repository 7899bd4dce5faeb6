package org.opensync.connectors.scim;

import org.junit.jupiter.api.Test;
import org.opensync.connectors.net.RequestObserver;
import org.opensync.sandbox.scim.FaultRule;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;

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
        long start = System.nanoTime();
        assertThat(onThreads(4, 21, n -> client.findUnique(ScimResourceType.USER, "userName", "p" + n))).isEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(1_000));
    }

    @Test
    void noMoreRequestsAreUnderWayThanTheCap() throws Exception {
        ScimClient client = new ScimClient(settings().requestsPerSecond(0).requestsInFlight(2).build());
        server.faults().add(FaultRule.latency(Duration.ofMillis(300)).onMethod("GET"));
        long start = System.nanoTime();
        assertThat(onThreads(8, 8, n -> client.findUnique(ScimResourceType.USER, "userName", "c" + n))).isEmpty();
        // Eight requests of 300 ms, two at a time: four rounds
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(1_200));
        assertThat(journal("GET", "/Users")).hasSize(8);
    }

    @Test
    void aRequestThatGetsNoTurnWithinTheRequestTimeoutFailsAsATimeoutWithoutBeingSent() throws Exception {
        ScimClient client = new ScimClient(settings().requestsPerSecond(0).requestsInFlight(1).maxRetries(0)
                .timeouts(Duration.ofSeconds(2), Duration.ofSeconds(2)).build());
        server.faults().add(FaultRule.latency(Duration.ofMillis(500)).onMethod("GET"));
        List<Throwable> failures = onThreads(6, 6,
                n -> client.findUnique(ScimResourceType.USER, "userName", "t" + n));
        // One at a time, 500 ms each: the sixth in line cannot have its turn within two seconds
        assertThat(failures).anySatisfy(failure -> assertThat(failure).isInstanceOfSatisfying(ScimException.class,
                timeout -> {
                    assertThat(timeout.errorCode()).isEqualTo(ScimErrorCode.Timeout);
                    assertThat(timeout.retryable()).isTrue();
                    assertThat(timeout.getMessage()).contains("requests under way");
                }));
        long notSent = failures.stream().filter(failure -> failure.getMessage().contains("under way")).count();
        assertThat(journal("GET", "/Users")).hasSize(6 - (int) notSent);
    }

    @Test
    void aRequestThatFindsEveryTurnTakenIsReportedWithItsWait() throws Exception {
        Queue<Duration> waits = new ConcurrentLinkedQueue<>();
        RequestObserver observer = new RequestObserver() {
            @Override
            public void answered(String method, int status, Duration took) {
            }

            @Override
            public void waitedForTurn(Duration waited) {
                waits.add(waited);
            }
        };
        ScimClient client = new ScimClient(settings().requestsPerSecond(0).requestsInFlight(1).observer(observer)
                .build());
        client.findUnique(ScimResourceType.USER, "userName", "alone");
        assertThat(waits).as("a request that had its turn at once").isEmpty();

        server.faults().add(FaultRule.latency(Duration.ofMillis(300)).onMethod("GET"));
        assertThat(onThreads(3, 3, n -> client.findUnique(ScimResourceType.USER, "userName", "w" + n))).isEmpty();
        // One at a time: the first goes at once, the others wait for the one before them (300 ms each)
        assertThat(waits).hasSizeBetween(1, 2)
                .anySatisfy(waited -> assertThat(waited).isGreaterThanOrEqualTo(Duration.ofMillis(250)));
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

    /** Makes {@code calls} calls on {@code threads} threads at once and waits for them all; returns what they threw. */
    private static List<Throwable> onThreads(int threads, int calls, IntConsumer call) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < calls; i++) {
                int n = i;
                futures.add(pool.submit(() -> call.accept(n)));
            }
            List<Throwable> failures = new ArrayList<>();
            for (Future<?> future : futures) {
                try {
                    future.get();
                } catch (ExecutionException e) {
                    failures.add(e.getCause());
                }
            }
            return failures;
        } finally {
            pool.shutdown();
        }
    }
}

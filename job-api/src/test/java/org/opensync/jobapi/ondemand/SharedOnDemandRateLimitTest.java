package org.opensync.jobapi.ondemand;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** Two limiters on one database stand for two job-api instances: they share each job's budget. */
@QuarkusTest
class SharedOnDemandRateLimitTest {
    @Inject
    DataSource database;

    private Instant now = Instant.parse("2026-01-14T09:00:00Z");

    @Test
    void twoInstancesShareTheBudgetOfAJob() {
        OnDemandRateLimit first = limiter(() -> now);
        OnDemandRateLimit second = limiter(() -> now);
        String job = "shared-" + UUID.randomUUID();
        for (int i = 0; i < 5; i++) {
            assertThat((i % 2 == 0 ? first : second).tryAcquire(job)).isEmpty();
            now = now.plusSeconds(1);
        }
        assertThat(first.tryAcquire(job)).contains(Duration.ofSeconds(5));
        assertThat(second.tryAcquire(job)).as("the other instance saw the same five").contains(Duration.ofSeconds(5));
        assertThat(second.tryAcquire("other-" + UUID.randomUUID())).isEmpty();
        now = now.plusSeconds(5);
        assertThat(second.tryAcquire(job)).as("the first request left the window").isEmpty();
        assertThat(first.tryAcquire(job)).isPresent();
    }

    @Test
    void concurrentRequestsThroughBothInstancesAdmitExactlyTheLimit() throws Exception {
        Instant fixed = now;
        List<OnDemandRateLimit> instances = List.of(limiter(() -> fixed), limiter(() -> fixed));
        String job = "race-" + UUID.randomUUID();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<Optional<Duration>>> answers = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                OnDemandRateLimit instance = instances.get(i % 2);
                answers.add(pool.submit((Callable<Optional<Duration>>) () -> instance.tryAcquire(job)));
            }
            int admitted = 0;
            for (Future<Optional<Duration>> answer : answers) {
                admitted += answer.get().isEmpty() ? 1 : 0;
            }
            assertThat(admitted).isEqualTo(5);
        } finally {
            pool.shutdownNow();
        }
    }

    private OnDemandRateLimit limiter(Supplier<Instant> time) {
        return new OnDemandRateLimit(database, 5, Duration.ofSeconds(10), new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return time.get();
            }
        });
    }
}

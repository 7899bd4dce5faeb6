package org.opensync.jobapi.ondemand;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The sliding window alone; {@code SharedOnDemandRateLimitTest} holds it across instances in the database. */
class OnDemandRateLimitTest {
    private final Map<String, List<Instant>> recent = new HashMap<>();
    private Instant now = Instant.parse("2026-01-14T09:00:00Z");

    @Test
    void fivePerTenSecondsPerJobInASlidingWindow() {
        for (int i = 0; i < 5; i++) {
            assertThat(tryAcquire("job-a")).isEmpty();
            now = now.plusSeconds(1);
        }
        assertThat(tryAcquire("job-a")).contains(Duration.ofSeconds(5));
        assertThat(tryAcquire("job-b")).as("each job has its own window").isEmpty();
        now = now.plusSeconds(5);
        assertThat(tryAcquire("job-a")).as("the first request left the window").isEmpty();
        assertThat(tryAcquire("job-a")).isPresent();
    }

    @Test
    void aRefusedRequestDoesNotCount() {
        for (int i = 0; i < 5; i++) {
            assertThat(tryAcquire("job-a")).isEmpty();
        }
        now = now.plusSeconds(9);
        assertThat(tryAcquire("job-a")).contains(Duration.ofSeconds(1));
        now = now.plusSeconds(1);
        assertThat(tryAcquire("job-a")).as("all five left the window; the refused one was never counted")
                .isEmpty();
    }

    private Optional<Duration> tryAcquire(String job) {
        SlidingWindow decision = SlidingWindow.decide(recent.getOrDefault(job, List.of()), now, 5,
                Duration.ofSeconds(10));
        recent.put(job, new ArrayList<>(decision.recent()));
        return decision.retryAfter();
    }
}

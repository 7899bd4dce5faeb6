package org.opensync.jobapi.ondemand;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class OnDemandRateLimitTest {
    private Instant now = Instant.parse("2026-01-14T09:00:00Z");
    private final Clock clock = new Clock() {
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
            return now;
        }
    };

    @Test
    void fivePerTenSecondsPerJobInASlidingWindow() {
        OnDemandRateLimit limit = new OnDemandRateLimit(5, Duration.ofSeconds(10), clock);
        for (int i = 0; i < 5; i++) {
            assertThat(limit.tryAcquire("job-a")).isEmpty();
            now = now.plusSeconds(1);
        }
        assertThat(limit.tryAcquire("job-a")).contains(Duration.ofSeconds(5));
        assertThat(limit.tryAcquire("job-b")).as("each job has its own window").isEmpty();
        now = now.plusSeconds(5);
        assertThat(limit.tryAcquire("job-a")).as("the first request left the window").isEmpty();
        assertThat(limit.tryAcquire("job-a")).isPresent();
    }
}

package org.opensync.jobapi.bulkupload;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * At most {@code limit} requests per key in any sliding window, counted in this job-api instance's memory (a tenant's
 * daily bulkUpload quota holds thousands of request times, too many to rewrite in a database row per request). Keys
 * without a request within the window are forgotten, so the memory held is bounded by the keys asked about in one
 * window times the limit.
 */
final class InstanceRateLimit {
    private final int limit;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Deque<Instant>> recent = new ConcurrentHashMap<>();

    InstanceRateLimit(int limit, Duration window, Clock clock) {
        this.limit = limit;
        this.window = window;
        this.clock = clock;
    }

    /** Counts the request when it is allowed; otherwise how long until it would be. */
    Optional<Duration> tryAcquire(String key) {
        Instant now = clock.instant();
        Instant since = now.minus(window);
        recent.values().removeIf(times -> {
            synchronized (times) {
                return times.isEmpty() || !times.peekLast().isAfter(since);
            }
        });
        Deque<Instant> times = recent.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (times) {
            while (!times.isEmpty() && !times.peekFirst().isAfter(since)) {
                times.pollFirst();
            }
            if (times.size() >= limit) {
                return Optional.of(Duration.between(since, times.peekFirst()));
            }
            times.addLast(now);
            return Optional.empty();
        }
    }
}

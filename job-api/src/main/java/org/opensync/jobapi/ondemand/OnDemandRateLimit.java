package org.opensync.jobapi.ondemand;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.opensync.jobapi.config.JobApiConfig;

/**
 * Graph's limit on provisionOnDemand, per job: at most {@code requests-per-window} requests in any sliding window.
 * Counted by each job-api instance on its own; jobs without a request within the window are forgotten, so the
 * memory held is bounded by the jobs asked about in one window.
 */
@ApplicationScoped
public class OnDemandRateLimit {
    private final int limit;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Deque<Instant>> recent = new ConcurrentHashMap<>();

    @Inject
    public OnDemandRateLimit(JobApiConfig config) {
        this(config.onDemand().requestsPerWindow(), config.onDemand().window(), Clock.systemUTC());
    }

    /** A limit of the same kind for other requests (bulkUpload), keyed as the caller chooses. */
    public OnDemandRateLimit(int limit, Duration window, Clock clock) {
        this.limit = limit;
        this.window = window;
        this.clock = clock;
    }

    /** Counts the request when it is allowed; otherwise how long until it would be. */
    public Optional<Duration> tryAcquire(String jobId) {
        Instant now = clock.instant();
        Instant since = now.minus(window);
        recent.values().removeIf(times -> {
            synchronized (times) {
                return times.isEmpty() || !times.peekLast().isAfter(since);
            }
        });
        Deque<Instant> times = recent.computeIfAbsent(jobId, id -> new ArrayDeque<>());
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

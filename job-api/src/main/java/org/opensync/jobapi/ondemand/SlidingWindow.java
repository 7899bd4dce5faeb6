package org.opensync.jobapi.ondemand;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * At most {@code limit} requests in any {@code window}: decides one request given the times of the earlier ones.
 *
 * @param recent the times of the requests still in the window after this one was decided, oldest first
 * @param retryAfter empty when the request was admitted (and is the last of {@code recent}), else how long until it
 *               would be
 */
record SlidingWindow(List<Instant> recent, Optional<Duration> retryAfter) {

    static SlidingWindow decide(List<Instant> earlier, Instant now, int limit, Duration window) {
        Instant since = now.minus(window);
        List<Instant> recent = new ArrayList<>(earlier.stream().filter(time -> time.isAfter(since)).sorted().toList());
        if (recent.size() >= limit) {
            return new SlidingWindow(recent, Optional.of(Duration.between(since, recent.get(recent.size() - limit))));
        }
        recent.add(now);
        return new SlidingWindow(recent, Optional.empty());
    }
}

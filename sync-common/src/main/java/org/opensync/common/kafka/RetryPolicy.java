package org.opensync.common.kafka;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * How consumers retry a record that failed for a transient (or unexpected) reason: in place, the offset does not
 * move, waiting {@code initial-backoff} doubling up to {@code max-backoff} between attempts.
 */
@ConfigMapping(prefix = "sync.consumer.retry")
public interface RetryPolicy {
    /** Wait after the first failed attempt. */
    @WithDefault("PT0.2S")
    Duration initialBackoff();

    /** The longest wait between two attempts; retries go on at this pace for as long as the failure lasts. */
    @WithDefault("PT30S")
    Duration maxBackoff();

    /**
     * Attempts after which a record failing for an unexpected reason (neither transient nor poison, e.g. a bug) is
     * dead-lettered; 0 (the default) retries it until it succeeds, keeping the job's events in order.
     */
    @WithDefault("0")
    int unexpectedMaxAttempts();

    /** A consumer retrying one record for longer than this makes the readiness check report DOWN. */
    @WithDefault("PT1M")
    Duration unhealthyAfter();

    /** The wait after {@code failedAttempts} consecutive failures (1-based). */
    static Duration backoff(Duration initial, Duration max, int failedAttempts) {
        long millis = initial.toMillis();
        for (int i = 1; i < failedAttempts && millis < max.toMillis(); i++) {
            millis *= 2;
        }
        return Duration.ofMillis(Math.min(millis, max.toMillis()));
    }
}

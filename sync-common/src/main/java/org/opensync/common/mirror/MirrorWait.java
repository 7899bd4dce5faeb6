package org.opensync.common.mirror;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Waits, bounded, for a job's schema or secrets to reach this service's mirror. They travel on their own topics, so
 * a job started right after its secrets were saved can tick before they arrive here: that is a matter of
 * milliseconds, not a reason to fail the cycle or quarantine the job.
 */
public final class MirrorWait {
    private static final Duration POLL = Duration.ofMillis(200);

    private MirrorWait() {
    }

    /**
     * The looked-up value as soon as it is there, or empty when it is still missing {@code atMost} after the work
     * was issued: work that waited in a topic for longer has given its configuration all the time it needs.
     */
    public static <T> Optional<T> until(Supplier<Optional<T>> lookup, Instant issued, Duration atMost) {
        Instant giveUp = issued.plus(atMost);
        Optional<T> found = lookup.get();
        while (found.isEmpty() && Instant.now().isBefore(giveUp)) {
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
            found = lookup.get();
        }
        return found;
    }
}

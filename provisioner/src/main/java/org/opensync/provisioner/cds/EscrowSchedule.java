package org.opensync.provisioner.cds;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * When an escrowed object is retried: at the next cycle after its first failure, then after each of the back-off
 * steps (the last one repeats), for as long as the retry falls within the give-up period counted from the first
 * failure. After that the escrow is dropped.
 *
 * @param backOff     waits after the second, third, ... failure; the last one repeats
 * @param giveUpAfter how long after the first failure an object is still retried
 */
public record EscrowSchedule(List<Duration> backOff, Duration giveUpAfter) {

    public EscrowSchedule {
        if (backOff.isEmpty()) {
            throw new IllegalArgumentException("the escrow back-off needs at least one step");
        }
        backOff = List.copyOf(backOff);
    }

    /**
     * @param attempts     failures so far, this one included
     * @param firstRetry   the wait after the first failure (until the next cycle)
     * @param firstFailure when the object first failed
     * @return when to retry, or empty when the object is given up
     */
    public Optional<Instant> nextRetry(int attempts, Duration firstRetry, Instant firstFailure, Instant now) {
        Duration wait = attempts <= 1 ? firstRetry : backOff.get(Math.min(attempts - 2, backOff.size() - 1));
        Instant next = now.plus(wait);
        return next.isAfter(firstFailure.plus(giveUpAfter)) ? Optional.empty() : Optional.of(next);
    }
}

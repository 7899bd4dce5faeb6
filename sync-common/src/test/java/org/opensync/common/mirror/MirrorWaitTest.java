package org.opensync.common.mirror;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class MirrorWaitTest {

    @Test
    void aValueThatArrivesWhileWaitingIsReturned() {
        AtomicInteger lookups = new AtomicInteger();
        Optional<String> found = MirrorWait.until(() -> lookups.incrementAndGet() < 3 ? Optional.empty()
                : Optional.of("secrets"), Instant.now(), Duration.ofSeconds(10));
        assertEquals(Optional.of("secrets"), found);
        assertEquals(3, lookups.get());
    }

    @Test
    void aValueThatNeverArrivesIsEmptyAfterTheWait() {
        long start = System.nanoTime();
        assertEquals(Optional.empty(), MirrorWait.until(Optional::empty, Instant.now(), Duration.ofMillis(500)));
        assertTrue(Duration.ofNanos(System.nanoTime() - start).compareTo(Duration.ofMillis(500)) >= 0);
    }

    @Test
    void workIssuedLongAgoDoesNotWait() {
        long start = System.nanoTime();
        assertEquals(Optional.empty(), MirrorWait.until(Optional::empty, Instant.now().minusSeconds(60),
                Duration.ofSeconds(30)));
        assertTrue(Duration.ofNanos(System.nanoTime() - start).compareTo(Duration.ofSeconds(1)) < 0);
    }

    @Test
    void aValueAlreadyThereIsReturnedAtOnce() {
        assertEquals(Optional.of(1), MirrorWait.until(() -> Optional.of(1), Instant.now(), Duration.ZERO));
    }
}

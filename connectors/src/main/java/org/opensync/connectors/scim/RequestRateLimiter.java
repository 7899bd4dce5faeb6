package org.opensync.connectors.scim;

import java.time.Duration;

/**
  * The job's request rate: a token bucket holding one token, so requests leave evenly spaced, N requests taking at
  * least (N-1)/rate seconds, bursts never exceed the target's published rate. When adaptive, a 429/503 halves the
  * rate (down to 1/16 of it) and each success wins back 1/50 of the configured rate; a Retry-After stops every
  * caller, not just the one that got it.
  */
final class RequestRateLimiter {

    private final double configuredRate;
    private final boolean adaptive;
    private double rate;
    /** System.nanoTime() at which the next request may leave; compared by difference only. */
    private long nextFree = System.nanoTime();

    RequestRateLimiter(double requestsPerSecond, boolean adaptive) {
        this.configuredRate = requestsPerSecond;
        this.adaptive = adaptive;
        this.rate = requestsPerSecond;
    }

    /** Blocks until this caller may send one request. */
    void acquire() throws InterruptedException {
        acquire(1);
    }

    /**
      * Blocks until this caller may send a request that counts as {@code requests} (a POST /Bulk counts its
      * operations): it leaves when one would, and the ones after it wait as if all had been sent.
      */
    void acquire(int requests) throws InterruptedException {
        long wait;
        synchronized (this) {
            long now = System.nanoTime();
            long start = now - nextFree > 0 ? now : nextFree;
            nextFree = rate > 0 ? start + (long) (requests * 1_000_000_000.0 / rate) : start;
            wait = start - now;
        }
        if (wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
    }

    synchronized void pauseFor(Duration pause) {
        long until = System.nanoTime() + pause.toNanos();
        if (until - nextFree > 0) {
            nextFree = until;
        }
    }

    synchronized void throttled() {
        if (adaptive && configuredRate > 0) {
            rate = Math.max(configuredRate / 16, rate / 2);
        }
    }

    synchronized void succeeded() {
        if (adaptive && rate < configuredRate) {
            rate = Math.min(configuredRate, rate + configuredRate / 50);
        }
    }

    synchronized double currentRate() {
        return rate;
    }
}

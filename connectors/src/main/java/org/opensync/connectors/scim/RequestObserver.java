package org.opensync.connectors.scim;

import java.time.Duration;

/** Told of every request sent to the target (each attempt, retries included): for latency and status metrics. */
@FunctionalInterface
public interface RequestObserver {
    RequestObserver NONE = (method, status, took) -> { };

    /** @param status the HTTP status, or 0 when no answer came (timeout, connection refused or dropped) */
    void answered(String method, int status, Duration took);
}

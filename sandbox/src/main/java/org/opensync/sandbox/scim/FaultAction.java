package org.opensync.sandbox.scim;

import java.time.Duration;

/** What a fault does to a request it fires on. */
public sealed interface FaultAction {

    /** Answer {@code status} without processing, with {@code Retry-After} when {@code retryAfterSeconds} is set. */
    record Respond(int status, Integer retryAfterSeconds) implements FaultAction {
        public Respond {
            if (status < 100 || status > 599) {
                throw new IllegalArgumentException("not an HTTP status: " + status);
            }
        }
    }

    /** Process the request, then corrupt the response body. */
    record Malform(Malformation malformation) implements FaultAction {
    }

    /** Wait, then process normally. Delays of several firing rules add up. */
    record Delay(Duration latency) implements FaultAction {
    }

    /** Close the connection without any response, as a crashing server or a proxy reset would. */
    record Drop() implements FaultAction {
    }
}

package org.opensync.sandbox.scim;

import java.time.Duration;
import java.util.regex.Pattern;

/**
  * When and how to misbehave. A rule matches requests by method and by a regex over the path below the base path
  * (e.g. {@code /Users.*}); of the matching requests it fires on every {@code everyNth}-th, then with
  * {@code probability}, at most {@code times} times (0 = no limit), and only within {@code activeFor} of being
  * added (null = no limit). Build with the factories and withers:
  * <pre>{@code
  * FaultRule.respond(429).retryAfter(2).onMethod("PATCH").times(3)
  * FaultRule.malformed(Malformation.INVALID_JSON).onPath("/Users").everyNth(2)
  * FaultRule.latency(Duration.ofMillis(300)).probability(0.5)
  * FaultRule.dropConnection().activeFor(Duration.ofSeconds(5))
  * }</pre>
  */
public record FaultRule(String method, String pathRegex, FaultAction action, int times, int everyNth,
                                                double probability, Duration activeFor, long seed) {

    public FaultRule {
        if (action == null) {
            throw new IllegalArgumentException("a fault needs an action");
        }
        if (times < 0 || everyNth < 1 || !(probability > 0 && probability <= 1)) {
            throw new IllegalArgumentException("times >= 0, everyNth >= 1 and 0 < probability <= 1 are required");
        }
        if (pathRegex != null) {
            Pattern.compile(pathRegex);
        }
    }

    public static FaultRule respond(int status) {
        return of(new FaultAction.Respond(status, null));
    }

    public static FaultRule malformed(Malformation malformation) {
        return of(new FaultAction.Malform(malformation));
    }

    public static FaultRule latency(Duration latency) {
        return of(new FaultAction.Delay(latency));
    }

    public static FaultRule dropConnection() {
        return of(new FaultAction.Drop());
    }

    private static FaultRule of(FaultAction action) {
        return new FaultRule(null, null, action, 0, 1, 1.0, null, 1L);
    }

    /** Adds {@code Retry-After: seconds}; only for {@link #respond}. */
    public FaultRule retryAfter(int seconds) {
        if (!(action instanceof FaultAction.Respond respond)) {
            throw new IllegalStateException("Retry-After only goes with a status fault");
        }
        return withAction(new FaultAction.Respond(respond.status(), seconds));
    }

    public FaultRule onMethod(String httpMethod) {
        return new FaultRule(httpMethod, pathRegex, action, times, everyNth, probability, activeFor, seed);
    }

    public FaultRule onPath(String regex) {
        return new FaultRule(method, regex, action, times, everyNth, probability, activeFor, seed);
    }

    public FaultRule times(int count) {
        return new FaultRule(method, pathRegex, action, count, everyNth, probability, activeFor, seed);
    }

    public FaultRule everyNth(int n) {
        return new FaultRule(method, pathRegex, action, times, n, probability, activeFor, seed);
    }

    /** Fires on this fraction of matching requests, drawn from a generator seeded with {@link #seed}. */
    public FaultRule probability(double fraction) {
        return new FaultRule(method, pathRegex, action, times, everyNth, fraction, activeFor, seed);
    }

    public FaultRule activeFor(Duration duration) {
        return new FaultRule(method, pathRegex, action, times, everyNth, probability, duration, seed);
    }

    public FaultRule seed(long newSeed) {
        return new FaultRule(method, pathRegex, action, times, everyNth, probability, activeFor, newSeed);
    }

    private FaultRule withAction(FaultAction newAction) {
        return new FaultRule(method, pathRegex, newAction, times, everyNth, probability, activeFor, seed);
    }
}

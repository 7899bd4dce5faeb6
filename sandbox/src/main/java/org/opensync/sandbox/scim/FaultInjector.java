package org.opensync.sandbox.scim;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
  * The active fault rules, consulted before every SCIM request (not the admin endpoints). With no rules the check
  * is one read of an empty copy-on-write list, so an idle injector costs the hot path nothing.
  */
public final class FaultInjector {

    /** A rule that is in force, with how often it matched and fired. */
    public record ActiveFault(String id, FaultRule rule, long matched, long fired) {
    }

    /** What to do to one request: wait {@code delay}, then apply {@code action} (null: process normally). */
    record Decision(Duration delay, FaultAction action) {
        static final Decision NONE = new Decision(Duration.ZERO, null);

        /** Waits out the delay; an interrupt ends the wait early and stays set. */
        void pause() {
            if (delay.isZero()) {
                return;
            }
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private final CopyOnWriteArrayList<RuleState> rules = new CopyOnWriteArrayList<>();
    private final AtomicLong ids = new AtomicLong();

    /** Adds a rule; returns its id for {@link #remove}. */
    public String add(FaultRule rule) {
        RuleState state = new RuleState("fault-" + ids.incrementAndGet(), rule);
        rules.add(state);
        return state.id;
    }

    public boolean remove(String id) {
        return rules.removeIf(state -> state.id.equals(id));
    }

    public void clear() {
        rules.clear();
    }

    /** The rules still in force (expired and used-up ones are gone). */
    public List<ActiveFault> active() {
        long now = System.nanoTime();
        return rules.stream().filter(state -> !state.spent(now))
                .map(state -> new ActiveFault(state.id, state.rule, state.matched.get(), state.fired.get()))
                .toList();
    }

    Decision decide(String method, String path) {
        return decide(method, path, action -> true);
    }

    /**
      * For one operation inside a POST /Bulk, as if it were its own request: only answering with a status and delaying
      * can happen to a single operation; rules that drop or corrupt act on the whole /Bulk request only, and an
      * operation neither counts as their match nor uses them up.
      */
    Decision decideOperation(String method, String path) {
        return decide(method, path, action -> action instanceof FaultAction.Respond
                || action instanceof FaultAction.Delay);
    }

    private Decision decide(String method, String path, Predicate<FaultAction> applicable) {
        if (rules.isEmpty()) {
            return Decision.NONE;
        }
        long now = System.nanoTime();
        Duration delay = Duration.ZERO;
        for (RuleState state : rules) {
            if (state.spent(now)) {
                rules.remove(state);
                continue;
            }
            if (!applicable.test(state.rule.action()) || !state.matches(method, path) || !state.fire()) {
                continue;
            }
            if (state.spent(now)) {
                rules.remove(state);
            }
            if (state.rule.action() instanceof FaultAction.Delay wait) {
                delay = delay.plus(wait.latency());
                continue;
            }
            return new Decision(delay, state.rule.action());
        }
        return delay.isZero() ? Decision.NONE : new Decision(delay, null);
    }

    private static final class RuleState {
        private final String id;
        private final FaultRule rule;
        private final Pattern path;
        /** System.nanoTime() deadline; only compared by difference, as nanoTime may be negative. */
        private final long expiresAt;
        private final boolean expires;
        private final Random random;
        private final AtomicLong matched = new AtomicLong();
        private final AtomicLong fired = new AtomicLong();

        RuleState(String id, FaultRule rule) {
            this.id = id;
            this.rule = rule;
            this.path = rule.pathRegex() == null ? null : Pattern.compile(rule.pathRegex());
            this.expires = rule.activeFor() != null;
            this.expiresAt = expires ? System.nanoTime() + rule.activeFor().toNanos() : 0;
            this.random = new Random(rule.seed());
        }

        boolean spent(long now) {
            return (expires && now - expiresAt >= 0) || (rule.times() > 0 && fired.get() >= rule.times());
        }

        boolean matches(String method, String requestPath) {
            return (rule.method() == null || rule.method().equalsIgnoreCase(method))
                    && (path == null || path.matcher(requestPath).matches());
        }

        /** Counts the match and decides; the times limit is claimed atomically so K means exactly K. */
        boolean fire() {
            long n = matched.incrementAndGet();
            if (n % rule.everyNth() != 0) {
                return false;
            }
            if (rule.probability() < 1) {
                synchronized (random) {
                    if (random.nextDouble() >= rule.probability()) {
                        return false;
                    }
                }
            }
            while (true) {
                long sofar = fired.get();
                if (rule.times() > 0 && sofar >= rule.times()) {
                    return false;
                }
                if (fired.compareAndSet(sofar, sofar + 1)) {
                    return true;
                }
            }
        }
    }
}

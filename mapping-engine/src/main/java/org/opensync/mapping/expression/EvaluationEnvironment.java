package org.opensync.mapping.expression;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * What evaluation may consult besides the object: the clock ({@code Now}), randomness ({@code Guid},
 * {@code RandomString}), the uniqueness check of {@code SelectUniqueValue} and the tenant's default domain
 * ({@code DefaultDomain}, null when not configured). Injected so tests can pin them.
 *
 * @param legacyNullConditions reproduce the reference service's documented limitation: an IIF whose condition reads a
 *                             null or empty attribute fails, and the attribute is not flowed (IgnoreAttributeFlow).
 *                             Off by default: conditions are evaluated null-safely.
 * @param limits               output size and work caps of one evaluation
 */
public record EvaluationEnvironment(
        Clock clock,
        RandomGenerator random,
        UniqueValueCheck uniqueValues,
        String defaultDomain,
        boolean legacyNullConditions,
        EvaluationLimits limits) {

    public EvaluationEnvironment {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(random, "random");
        Objects.requireNonNull(uniqueValues, "uniqueValues");
        Objects.requireNonNull(limits, "limits");
    }

    /** UTC system clock, a cryptographically strong generator (RandomString makes passwords), nothing taken. */
    public static EvaluationEnvironment system() {
        return new EvaluationEnvironment(Clock.systemUTC(), new SecureRandom(), UniqueValueCheck.NOTHING_TAKEN, null,
                false, EvaluationLimits.DEFAULT);
    }

    public EvaluationEnvironment withClock(Clock newClock) {
        return new EvaluationEnvironment(newClock, random, uniqueValues, defaultDomain, legacyNullConditions, limits);
    }

    public EvaluationEnvironment withRandom(RandomGenerator newRandom) {
        return new EvaluationEnvironment(clock, newRandom, uniqueValues, defaultDomain, legacyNullConditions, limits);
    }

    public EvaluationEnvironment withUniqueValues(UniqueValueCheck check) {
        return new EvaluationEnvironment(clock, random, check, defaultDomain, legacyNullConditions, limits);
    }

    public EvaluationEnvironment withDefaultDomain(String domain) {
        return new EvaluationEnvironment(clock, random, uniqueValues, domain, legacyNullConditions, limits);
    }

    public EvaluationEnvironment withLegacyNullConditions(boolean legacy) {
        return new EvaluationEnvironment(clock, random, uniqueValues, defaultDomain, legacy, limits);
    }

    public EvaluationEnvironment withLimits(EvaluationLimits newLimits) {
        return new EvaluationEnvironment(clock, random, uniqueValues, defaultDomain, legacyNullConditions, newLimits);
    }
}

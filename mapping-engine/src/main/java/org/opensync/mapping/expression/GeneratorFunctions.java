package org.opensync.mapping.expression;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.random.RandomGenerator;
import org.opensync.mapping.model.AttributeType;
import org.opensync.mapping.value.Value;

/** Functions that consult the environment rather than the object: Guid, RandomString, Redact, DefaultDomain. */
final class GeneratorFunctions {
    static final int RANDOM_STRING_MAX_LENGTH = 256;
    static final String REDACT = "Redact";
    private static final String DIGITS = "0123456789";
    private static final String CAPITALS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final String LOWER_CASE = "abcdefghijklmnopqrstuvwxyz";
    /** The special characters of the Windows password-complexity rules. */
    private static final String SPECIALS = "~!@#$%^&*_-+=`|\\(){}[]:;\"'<>,.?/";

    private GeneratorFunctions() {
    }

    static List<FunctionSpec> functions() {
        return List.of(
                FunctionSpec.define("Guid").body((call, ctx) -> Value.text(guid(ctx.environment().random()))),
                FunctionSpec.define("RandomString").required("Length", AttributeType.Integer)
                        .required("MinimumNumbers", AttributeType.Integer)
                        .required("MinimumSpecialCharacters", AttributeType.Integer)
                        .required("MinimumCapital", AttributeType.Integer)
                        .required("MinimumLowerCase", AttributeType.Integer).optional("CharactersToAvoid")
                        .body(GeneratorFunctions::randomString),
                FunctionSpec.define(REDACT).required("source").body((call, ctx) -> {
                    ctx.markRedacted();
                    return call.value(0, ctx);
                }),
                FunctionSpec.define("DefaultDomain").body((call, ctx) -> {
                    String domain = ctx.environment().defaultDomain();
                    if (domain == null) {
                        throw call.error("no default domain is configured for this tenant");
                    }
                    return Value.text(domain);
                }));
    }

    /** Version-4 GUID from the injected generator (deterministic in tests). */
    static String guid(RandomGenerator random) {
        long high = random.nextLong() & 0xFFFFFFFFFFFF0FFFL | 0x0000000000004000L;
        long low = random.nextLong() & 0x3FFFFFFFFFFFFFFFL | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }

    private static Value randomString(CallNode call, EvaluationContext ctx) throws EvaluationSignal {
        long length = call.integer(0, ctx);
        long[] minimums = {call.integer(1, ctx), call.integer(2, ctx), call.integer(3, ctx), call.integer(4, ctx)};
        String avoid = call.textOrEmpty(5, ctx);
        String[] sets = {without(DIGITS, avoid), without(SPECIALS, avoid), without(CAPITALS, avoid),
                         without(LOWER_CASE, avoid)};
        String[] setNames = {"MinimumNumbers", "MinimumSpecialCharacters", "MinimumCapital", "MinimumLowerCase"};
        if (length < 1 || length > RANDOM_STRING_MAX_LENGTH) {
            throw call.error("Length must be between 1 and " + RANDOM_STRING_MAX_LENGTH + ", got " + length);
        }
        long required = 0;
        for (int i = 0; i < minimums.length; i++) {
            if (minimums[i] < 0) {
                throw call.error(setNames[i] + " must not be negative");
            }
            if (minimums[i] > 0 && sets[i].isEmpty()) {
                throw call.error(setNames[i] + " cannot be met: CharactersToAvoid excludes the whole set");
            }
            required += minimums[i];
        }
        if (required > length) {
            throw call.error("the minimums add up to " + required + ", more than Length " + length);
        }
        String all = String.join("", sets);
        if (all.isEmpty()) {
            throw call.error("CharactersToAvoid excludes every character");
        }
        RandomGenerator random = ctx.environment().random();
        List<Character> chosen = new ArrayList<>((int) length);
        for (int i = 0; i < sets.length; i++) {
            for (long n = 0; n < minimums[i]; n++) {
                chosen.add(pick(sets[i], random));
            }
        }
        while (chosen.size() < length) {
            chosen.add(pick(all, random));
        }
        StringBuilder result = new StringBuilder(chosen.size());
        for (int i = chosen.size(); i > 0; i--) {
            result.append(chosen.remove(random.nextInt(i)));
        }
        return Value.text(result.toString());
    }

    private static String without(String characters, String avoid) {
        StringBuilder kept = new StringBuilder(characters.length());
        characters.chars().filter(c -> avoid.indexOf(c) < 0).forEach(c -> kept.append((char) c));
        return kept.toString();
    }

    private static char pick(String characters, RandomGenerator random) {
        return characters.charAt(random.nextInt(characters.length()));
    }
}

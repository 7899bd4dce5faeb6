package org.opensync.sandbox.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Duration;

/**
  * The JSON form of a fault rule for {@code /_sandbox/faults}: exactly one action member ({@code status},
  * {@code malformed}, {@code latencyMs} or {@code drop}) plus optional {@code method}, {@code path} (regex),
  * {@code retryAfter}, {@code times}, {@code everyNth}, {@code probability}, {@code durationMs}, {@code seed}.
  */
final class FaultRuleJson {

    private FaultRuleJson() {
    }

    static FaultRule parse(JsonNode json) {
        if (json == null || !json.isObject()) {
            throw new IllegalArgumentException("a fault rule is a JSON object");
        }
        FaultRule rule = action(json);
        if (json.hasNonNull("retryAfter")) {
            rule = rule.retryAfter(json.get("retryAfter").asInt());
        }
        return new FaultRule(
                text(json, "method"),
                text(json, "path"),
                rule.action(),
                json.path("times").asInt(0),
                json.path("everyNth").asInt(1),
                json.path("probability").asDouble(1.0),
                json.hasNonNull("durationMs") ? Duration.ofMillis(json.get("durationMs").asLong()) : null,
                json.path("seed").asLong(1L));
    }

    static ObjectNode render(FaultInjector.ActiveFault fault) {
        FaultRule rule = fault.rule();
        ObjectNode json = ScimJson.NODES.objectNode().put("id", fault.id());
        if (rule.action() instanceof FaultAction.Respond respond) {
            json.put("status", respond.status());
            if (respond.retryAfterSeconds() != null) {
                json.put("retryAfter", respond.retryAfterSeconds());
            }
        } else if (rule.action() instanceof FaultAction.Malform malform) {
            json.put("malformed", malform.malformation().jsonName());
        } else if (rule.action() instanceof FaultAction.Delay delay) {
            json.put("latencyMs", delay.latency().toMillis());
        } else {
            json.put("drop", true);
        }
        if (rule.method() != null) {
            json.put("method", rule.method());
        }
        if (rule.pathRegex() != null) {
            json.put("path", rule.pathRegex());
        }
        json.put("times", rule.times()).put("everyNth", rule.everyNth()).put("probability", rule.probability());
        if (rule.activeFor() != null) {
            json.put("durationMs", rule.activeFor().toMillis());
        }
        return json.put("matched", fault.matched()).put("fired", fault.fired());
    }

    private static FaultRule action(JsonNode json) {
        int actions = (json.hasNonNull("status") ? 1 : 0) + (json.hasNonNull("malformed") ? 1 : 0)
                + (json.hasNonNull("latencyMs") ? 1 : 0) + (json.path("drop").asBoolean(false) ? 1 : 0);
        if (actions != 1) {
            throw new IllegalArgumentException("give exactly one of status, malformed, latencyMs, drop");
        }
        if (json.hasNonNull("status")) {
            return FaultRule.respond(json.get("status").asInt());
        }
        if (json.hasNonNull("malformed")) {
            return FaultRule.malformed(Malformation.fromJsonName(json.get("malformed").asText()));
        }
        if (json.hasNonNull("latencyMs")) {
            return FaultRule.latency(Duration.ofMillis(json.get("latencyMs").asLong()));
        }
        return FaultRule.dropConnection();
    }

    private static String text(JsonNode json, String name) {
        return json.hasNonNull(name) ? json.get(name).asText() : null;
    }
}

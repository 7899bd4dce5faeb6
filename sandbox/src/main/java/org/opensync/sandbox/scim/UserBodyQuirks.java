package org.opensync.sandbox.scim;

import com.fasterxml.jackson.databind.JsonNode;

/**
  * The User writes that a stricter real server refuses, checked against the request body before anything is applied
  * (so a refused request changes nothing): {@link ServerQuirks.Settings#managerOnlyComplex()} and
  * {@link ServerQuirks.Settings#rejectAttributeWith500()}.
  */
final class UserBodyQuirks {

    private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    private static final String MANAGER = "manager";
    /** Always the same bytes, like the unhandled exception of the server it imitates. */
    private static final String UNEXPECTED = "Unexpected error while handling attribute";

    private final AttributeScope scope;

    UserBodyQuirks(AttributeScope scope) {
        this.scope = scope;
    }

    /** A POST or PUT body: its top-level keys, and the manager inside the enterprise extension object. */
    void checkResource(JsonNode body, ServerQuirks.Settings quirks) {
        if (inactive(quirks) || body == null || !body.isObject()) {
            return;
        }
        body.properties().forEach(e -> {
            rejectIfNamed(e.getKey(), quirks);
            if (quirks.managerOnlyComplex() && e.getKey().equalsIgnoreCase(ENTERPRISE)) {
                requireComplexManager(ScimJson.field(e.getValue(), MANAGER));
            }
        });
    }

    /** A PatchOp: each op's path with its value, or each key of a path-less op's value map with its value. */
    void checkPatch(JsonNode patchRequest, ServerQuirks.Settings quirks) {
        JsonNode operations = ScimJson.field(patchRequest, "Operations");
        if (inactive(quirks) || operations == null || !operations.isArray()) {
            return;
        }
        for (JsonNode operation : operations) {
            JsonNode path = ScimJson.field(operation, "path");
            JsonNode value = ScimJson.field(operation, "value");
            if (path != null && path.isTextual() && !path.asText().isBlank()) {
                checkTarget(PatchPath.parse(path.asText(), scope), value, quirks);
            } else if (value != null && value.isObject()) {
                value.properties().forEach(e -> checkTarget(PatchPath.parse(e.getKey(), scope), e.getValue(), quirks));
            }
        }
    }

    private void checkTarget(PatchPath target, JsonNode value, ServerQuirks.Settings quirks) {
        AttributePath path = target.attribute();
        // The top-level key the value lands under: the extension object for URN-qualified extension attributes.
        rejectIfNamed(path.urn() != null ? path.urn() : path.attribute(), quirks);
        if (!quirks.managerOnlyComplex()) {
            return;
        }
        if (path.attribute() == null) {
            if (path.urn().equalsIgnoreCase(ENTERPRISE)) {
                requireComplexManager(ScimJson.field(value, MANAGER));
            }
        } else if (path.attribute().equalsIgnoreCase(MANAGER) && path.subAttribute() == null
                && target.valueFilter() == null && ENTERPRISE.equalsIgnoreCase(scope.containerUrn(path))) {
            requireComplexManager(value);
        }
    }

    /** Then nothing is parsed here, so a bad request fails exactly where it would without quirks. */
    private static boolean inactive(ServerQuirks.Settings quirks) {
        return !quirks.managerOnlyComplex() && quirks.rejectAttributeWith500() == null;
    }

    private static void rejectIfNamed(String key, ServerQuirks.Settings quirks) {
        if (quirks.rejectAttributeWith500() != null && quirks.rejectAttributeWith500().equalsIgnoreCase(key)) {
            throw new ScimException(500, null, UNEXPECTED);
        }
    }

    private static void requireComplexManager(JsonNode manager) {
        if (manager != null && manager.isTextual()) {
            throw ScimException.badRequest("invalidValue", "manager must be a complex value {\"value\": id}");
        }
    }
}

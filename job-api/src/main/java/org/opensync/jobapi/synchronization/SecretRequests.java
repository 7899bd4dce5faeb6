package org.opensync.jobapi.synchronization;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.opensync.common.web.GraphException;

/**
 * Reads a secrets body in the three spellings clients send (graph-sync-api.md §2.2.3): {@code {"value":[...]}},
 * {@code {"credentials":[...]}} or a bare array. Keys are canonicalised; unknown and repeated keys are rejected.
 */
final class SecretRequests {
    private SecretRequests() {
    }

    static List<SecretEntry> entries(JsonNode body) {
        JsonNode list = body;
        if (body != null && body.isObject()) {
            list = body.has("value") ? body.get("value") : body.get("credentials");
        }
        if (list == null || !list.isArray()) {
            throw GraphException.badRequest("The body must be {\"value\": [{\"key\": ..., \"value\": ...}]}, "
                    + "{\"credentials\": [...]} or an array of synchronizationSecretKeyStringValuePair.", "value");
        }
        List<SecretEntry> entries = new ArrayList<>();
        Set<SecretKey> seen = new HashSet<>();
        for (JsonNode item : list) {
            JsonNode key = item.get("key");
            JsonNode value = item.get("value");
            if (key == null || !key.isTextual()) {
                throw GraphException.badRequest("Every secret needs a string 'key'.", "key");
            }
            SecretKey parsed = SecretKey.parse(key.asText()).orElseThrow(() -> GraphException.badRequest(
                    "'" + key.asText() + "' is not a member of synchronizationSecret.", key.asText()));
            if (value != null && !value.isNull() && !value.isTextual()) {
                throw GraphException.badRequest("The value of secret '" + parsed + "' must be a string.",
                        parsed.name());
            }
            if (!seen.add(parsed)) {
                throw GraphException.badRequest("Secret '" + parsed + "' appears more than once.", parsed.name());
            }
            entries.add(new SecretEntry(parsed.name(), value == null || value.isNull() ? null : value.asText()));
        }
        return entries;
    }
}

package org.opensync.jobapi.synchronization;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.opensync.common.web.GraphException;
import org.opensync.jobapi.config.JobApiConfig;

/**
 * Reads a secrets body in the three spellings clients send: {@code {"value":[...]}},
 * {@code {"credentials":[...]}} or a bare array. Keys are canonicalised; unknown and repeated keys are rejected.
 */
public final class SecretRequests {
    private SecretRequests() {
    }

    static List<SecretEntry> entries(JsonNode body, JobApiConfig.Limits limits) {
        return entries(body, "", limits);
    }

    /**
     * @param prefix the JSON path of {@code body} in the request ({@code secrets} for the container), for targets
     *               such as {@code value[2].value}
     */
    public static List<SecretEntry> entries(JsonNode body, String prefix, JobApiConfig.Limits limits) {
        JsonNode list = body;
        String path = prefix;
        if (body != null && body.isObject()) {
            String field = body.has("value") ? "value" : "credentials";
            list = body.get(field);
            path = prefix.isEmpty() ? field : prefix + "." + field;
        }
        if (list == null || !list.isArray()) {
            throw GraphException.badRequest("The body must be {\"value\": [{\"key\": ..., \"value\": ...}]}, "
                    + "{\"credentials\": [...]} or an array of synchronizationSecretKeyStringValuePair.", "value");
        }
        if (list.size() > limits.secretCount()) {
            throw GraphException.badRequest("At most " + limits.secretCount() + " secrets can be saved; the request "
                    + "has " + list.size() + ".", path);
        }
        List<SecretEntry> entries = new ArrayList<>();
        Set<SecretKey> seen = new HashSet<>();
        long total = 0;
        int index = -1;
        for (JsonNode item : list) {
            index++;
            String itemPath = path + "[" + index + "]";
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
            if (value != null && value.isTextual() && value.asText().length() > limits.secretValueLength()) {
                throw GraphException.badRequest("The value of secret '" + parsed + "' has " + value.asText().length()
                        + " characters; at most " + limits.secretValueLength() + " are accepted.", itemPath + ".value");
            }
            total += value != null && value.isTextual() ? value.asText().length() : 0;
            if (total > limits.secretsTotalLength()) {
                throw GraphException.badRequest("The secret values have more than " + limits.secretsTotalLength()
                        + " characters together.", itemPath + ".value");
            }
            if (!seen.add(parsed)) {
                throw GraphException.badRequest("Secret '" + parsed + "' appears more than once.", parsed.name());
            }
            entries.add(new SecretEntry(parsed.name(), value == null || value.isNull() ? null : value.asText()));
        }
        return entries;
    }
}

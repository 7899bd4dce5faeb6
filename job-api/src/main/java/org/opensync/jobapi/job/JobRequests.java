package org.opensync.jobapi.job;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.opensync.common.events.JobSettingsPublished;
import org.opensync.common.events.RestartScope;
import org.opensync.common.web.GraphException;
import org.opensync.jobapi.config.JobApiConfig;
import org.opensync.jobapi.graph.KeyValuePair;

/** Reads job request bodies, rejecting what does not fit with a message naming the property. */
final class JobRequests {
    private JobRequests() {
    }

    static String templateId(JsonNode body) {
        JsonNode templateId = object(body, "a synchronizationJob with a templateId").get("templateId");
        if (templateId == null || templateId.isNull()) {
            throw GraphException.badRequest("Property 'templateId' is required.", "templateId");
        }
        if (!templateId.isTextual() || templateId.asText().isBlank()) {
            throw GraphException.badRequest("Property 'templateId' must be a non-empty string.", "templateId");
        }
        return templateId.asText();
    }

    /** An absent body or criteria means the portal's "Restart provisioning". */
    static Set<RestartScope> resetScope(JsonNode body) {
        if (body == null || body.isNull() || body.isMissingNode()) {
            return RestartScope.parseFlags(null);
        }
        JsonNode criteria = object(body, "an object with optional 'criteria'").get("criteria");
        if (criteria == null || criteria.isNull()) {
            return RestartScope.parseFlags(null);
        }
        if (!criteria.isObject()) {
            throw GraphException.badRequest("Property 'criteria' must be a synchronizationJobRestartCriteria object.",
                    "criteria");
        }
        JsonNode scope = criteria.get("resetScope");
        if (scope != null && !scope.isNull() && !scope.isTextual()) {
            throw GraphException.badRequest("Property 'resetScope' must be a comma-separated string of "
                    + "synchronizationJobRestartScope members.", "criteria.resetScope");
        }
        try {
            return RestartScope.parseFlags(scope == null || scope.isNull() ? null : scope.asText());
        } catch (IllegalArgumentException e) {
            throw GraphException.badRequest(e.getMessage(), "criteria.resetScope");
        }
    }

    static List<KeyValuePair> settings(JsonNode body, JobApiConfig.Limits limits) {
        JsonNode settings = object(body, "a synchronizationJob").get("synchronizationJobSettings");
        if (settings == null) {
            return null;
        }
        if (!settings.isArray()) {
            throw GraphException.badRequest("Property 'synchronizationJobSettings' must be an array of "
                    + "{name, value} objects.", "synchronizationJobSettings");
        }
        if (settings.size() > limits.jobSettingCount()) {
            throw GraphException.badRequest("At most " + limits.jobSettingCount() + " synchronizationJobSettings are "
                    + "accepted; the request has " + settings.size() + ".", "synchronizationJobSettings");
        }
        List<KeyValuePair> pairs = new ArrayList<>();
        int index = -1;
        for (JsonNode item : settings) {
            index++;
            JsonNode name = item.get("name");
            JsonNode value = item.get("value");
            if (name == null || !name.isTextual() || (value != null && !value.isNull() && !value.isTextual())) {
                throw GraphException.badRequest("Each synchronizationJobSettings item needs a string 'name' and a "
                        + "string 'value'.", "synchronizationJobSettings");
            }
            for (String field : List.of("name", "value")) {
                JsonNode text = item.get(field);
                if (text != null && text.isTextual() && text.asText().length() > limits.jobSettingLength()) {
                    throw GraphException.badRequest("The " + field + " of a synchronizationJobSettings item has more "
                            + "than " + limits.jobSettingLength() + " characters.",
                            "synchronizationJobSettings[" + index + "]." + field);
                }
            }
            String text = value == null || value.isNull() ? null : value.asText();
            if (JobSettingsPublished.QUARANTINE_TOO_MANY_DELETES_THRESHOLD.equals(name.asText())
                    && (text == null || !text.matches("\\d{1,9}"))) {
                throw GraphException.badRequest("The value of " + name.asText() + " must be a whole number of "
                        + "deletions (0 turns the threshold off).", "synchronizationJobSettings[" + index + "].value");
            }
            pairs.add(new KeyValuePair(name.asText(), text));
        }
        return pairs;
    }

    private static JsonNode object(JsonNode body, String expected) {
        if (body == null || body.isNull() || body.isMissingNode()) {
            throw GraphException.badRequest("A request body with " + expected + " is required.");
        }
        if (!body.isObject()) {
            throw GraphException.badRequest("The request body must be a JSON object with " + expected + ".");
        }
        return body;
    }
}

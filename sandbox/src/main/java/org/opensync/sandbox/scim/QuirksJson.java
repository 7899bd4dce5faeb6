package org.opensync.sandbox.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.StringJoiner;

/**
  * The JSON form of {@link ServerQuirks.Settings} for {@code /_sandbox/quirks}, e.g.
  * {@code {"ignorePaging":true,"rejectAttributeWith500":"title"}} (missing members are off), and the command-line
  * form {@code ignorePaging,rejectAttributeWith500=title}, which is read through the JSON one so the names live here
  * only.
  */
final class QuirksJson {

    private static final String MANAGER_ONLY_COMPLEX = "managerOnlyComplex";
    private static final String BAD_REQUEST_FOR_UNKNOWN_ID = "badRequestForUnknownId";
    private static final String REJECT_ATTRIBUTE_WITH_500 = "rejectAttributeWith500";
    private static final String IGNORE_PAGING = "ignorePaging";
    private static final String CASE_SENSITIVE_USER_NAME = "caseSensitiveUserName";
    private static final String NO_BULK = "noBulk";
    private static final List<String> NAMES = List.of(MANAGER_ONLY_COMPLEX, BAD_REQUEST_FOR_UNKNOWN_ID,
            REJECT_ATTRIBUTE_WITH_500, IGNORE_PAGING, CASE_SENSITIVE_USER_NAME, NO_BULK);

    private QuirksJson() {
    }

    static ServerQuirks.Settings parse(JsonNode json) {
        if (json == null || !json.isObject()) {
            throw new IllegalArgumentException("quirks are a JSON object");
        }
        json.fieldNames().forEachRemaining(name -> {
            if (!NAMES.contains(name)) {
                throw new IllegalArgumentException("unknown quirk '" + name + "'; known: " + String.join(", ", NAMES));
            }
        });
        JsonNode attribute = json.path(REJECT_ATTRIBUTE_WITH_500);
        if (!attribute.isMissingNode() && !attribute.isNull() && !attribute.isTextual()) {
            throw new IllegalArgumentException(REJECT_ATTRIBUTE_WITH_500 + " takes an attribute name or null");
        }
        return new ServerQuirks.Settings(flag(json, MANAGER_ONLY_COMPLEX), flag(json, BAD_REQUEST_FOR_UNKNOWN_ID),
                attribute.isTextual() ? attribute.asText() : null, flag(json, IGNORE_PAGING),
                flag(json, CASE_SENSITIVE_USER_NAME), flag(json, NO_BULK));
    }

    static ObjectNode render(ServerQuirks.Settings settings) {
        return ScimJson.NODES.objectNode()
                .put(MANAGER_ONLY_COMPLEX, settings.managerOnlyComplex())
                .put(BAD_REQUEST_FOR_UNKNOWN_ID, settings.badRequestForUnknownId())
                .put(REJECT_ATTRIBUTE_WITH_500, settings.rejectAttributeWith500())
                .put(IGNORE_PAGING, settings.ignorePaging())
                .put(CASE_SENSITIVE_USER_NAME, settings.caseSensitiveUserName())
                .put(NO_BULK, settings.noBulk());
    }

    /** {@code a,b=x} as {@code {"a":true,"b":"x"}}. */
    static ObjectNode fromList(String list) {
        ObjectNode json = ScimJson.NODES.objectNode();
        for (String item : list.split(",")) {
            int equals = item.indexOf('=');
            if (equals >= 0) {
                json.put(item.substring(0, equals).trim(), item.substring(equals + 1).trim());
            } else if (!item.isBlank()) {
                json.put(item.trim(), true);
            }
        }
        return json;
    }

    static String toList(ServerQuirks.Settings settings) {
        StringJoiner list = new StringJoiner(",");
        render(settings).properties().forEach(e -> {
            if (e.getValue().isTextual()) {
                list.add(e.getKey() + "=" + e.getValue().asText());
            } else if (e.getValue().asBoolean()) {
                list.add(e.getKey());
            }
        });
        return list.toString();
    }

    private static boolean flag(JsonNode json, String name) {
        JsonNode value = json.path(name);
        if (!value.isMissingNode() && !value.isNull() && !value.isBoolean()) {
            throw new IllegalArgumentException(name + " takes true or false");
        }
        return value.asBoolean(false);
    }
}

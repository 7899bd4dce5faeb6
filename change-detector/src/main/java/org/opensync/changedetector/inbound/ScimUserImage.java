package org.opensync.changedetector.inbound;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Flattens an uploaded SCIM user into the source image the mappings read, under the attribute names of Entra's API
 * source directory: {@code userName}, {@code name.givenName}, {@code emails[type eq "work"].value},
 * {@code urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department}, custom extensions alike
 * ({@code urn:contoso:employee:grade}). A complex value's {@code value} is the attribute's own value, so the
 * enterprise {@code manager} reads as the manager's {@code externalId}. Booleans read {@code True}/{@code False},
 * as the expression language spells them. {@code active} also gives {@code IsSoftDeleted} (its negation), the
 * attribute the directory sources compute, so one provisioning rule disables a leaver from either kind of source;
 * an upload without {@code active} leaves the account's state alone. Nulls and absent attributes are left out.
 */
public final class ScimUserImage {
    public static final String ANCHOR = "objectId";

    private ScimUserImage() {
    }

    public static Map<String, List<String>> image(String externalId, ObjectNode user) {
        Map<String, List<String>> image = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = user.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            String name = field.getKey();
            if (name.equals("schemas")) {
                continue;
            }
            if (name.regionMatches(true, 0, "urn:", 0, 4) && field.getValue().isObject()) {
                field.getValue().fields().forEachRemaining(ext -> flatten(name + ":" + ext.getKey(), ext.getValue(),
                        image));
            } else {
                flatten(name, field.getValue(), image);
            }
        }
        JsonNode active = user.get("active");
        if (active != null && !active.isNull()) {
            image.put("IsSoftDeleted", List.of(bool(!truthy(active))));
        }
        image.put(ANCHOR, List.of(externalId));
        image.put("externalId", List.of(externalId));
        return image;
    }

    private static void flatten(String path, JsonNode value, Map<String, List<String>> image) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return;
        }
        if (value.isObject()) {
            value.fields().forEachRemaining(sub -> flatten(sub.getKey().equals("value") ? path
                    : path + "." + sub.getKey(), sub.getValue(), image));
        } else if (value.isArray()) {
            for (JsonNode element : value) {
                if (element.isObject() && element.hasNonNull("type")) {
                    String typed = path + "[type eq \"" + element.get("type").asText() + "\"]";
                    element.fields().forEachRemaining(sub -> {
                        if (!sub.getKey().equals("type") && !sub.getKey().equals("primary")) {
                            flatten(typed + "." + sub.getKey(), sub.getValue(), image);
                        }
                    });
                } else if (element.isObject()) {
                    flatten(path, element.get("value"), image);
                } else {
                    flatten(path, element, image);
                }
            }
        } else {
            image.computeIfAbsent(path, p -> new ArrayList<>()).add(value.isBoolean() ? bool(value.asBoolean())
                    : value.asText());
        }
    }

    private static boolean truthy(JsonNode active) {
        return active.isBoolean() ? active.asBoolean() : "true".equalsIgnoreCase(active.asText());
    }

    private static String bool(boolean value) {
        return value ? "True" : "False";
    }
}

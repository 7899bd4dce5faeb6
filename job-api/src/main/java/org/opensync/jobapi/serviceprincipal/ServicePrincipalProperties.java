package org.opensync.jobapi.serviceprincipal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.opensync.common.web.GraphException;

/**
 * Applies a request body to a service principal: writable properties are type-checked and copied, read-only ones
 * must not change, annotations and properties this service does not know are ignored (Graph SDKs round-trip
 * additional data).
 */
final class ServicePrincipalProperties {
    private static final Map<String, BiConsumer<ServicePrincipal, JsonNode>> WRITABLE = Map.ofEntries(
            Map.entry("displayName", (sp, v) -> sp.displayName = text(v, "displayName", 256)),
            Map.entry("description", (sp, v) -> sp.description = text(v, "description", 1024)),
            Map.entry("notes", (sp, v) -> sp.notes = text(v, "notes", 1024)),
            Map.entry("appDescription", (sp, v) -> sp.appDescription = text(v, "appDescription", 1024)),
            Map.entry("homepage", (sp, v) -> sp.homepage = text(v, "homepage", 2048)),
            Map.entry("loginUrl", (sp, v) -> sp.loginUrl = text(v, "loginUrl", 2048)),
            Map.entry("logoutUrl", (sp, v) -> sp.logoutUrl = text(v, "logoutUrl", 2048)),
            Map.entry("errorUrl", (sp, v) -> sp.errorUrl = text(v, "errorUrl", 2048)),
            Map.entry("samlMetadataUrl", (sp, v) -> sp.samlMetadataUrl = text(v, "samlMetadataUrl", 2048)),
            Map.entry("publisherName", (sp, v) -> sp.publisherName = text(v, "publisherName", 256)),
            Map.entry("info", (sp, v) -> sp.info = info(v)),
            Map.entry("preferredSingleSignOnMode",
                    (sp, v) -> sp.preferredSingleSignOnMode = text(v, "preferredSingleSignOnMode", 50)),
            Map.entry("accountEnabled", (sp, v) -> sp.accountEnabled = bool(v, "accountEnabled")),
            Map.entry("appRoleAssignmentRequired",
                    (sp, v) -> sp.appRoleAssignmentRequired = bool(v, "appRoleAssignmentRequired")),
            Map.entry("tags", (sp, v) -> sp.tags = strings(v, "tags")),
            Map.entry("notificationEmailAddresses",
                    (sp, v) -> sp.notificationEmailAddresses = strings(v, "notificationEmailAddresses")),
            Map.entry("replyUrls", (sp, v) -> sp.replyUrls = strings(v, "replyUrls")));

    /** The properties of Graph's informationalUrl. */
    static final List<String> INFO_URLS = List.of("termsOfServiceUrl", "supportUrl", "privacyStatementUrl",
            "marketingUrl", "logoUrl");

    /** Sending one of these is fine as long as it does not change it; a null value compares as "null". */
    private static final Map<String, Function<ServicePrincipal, Object>> READ_ONLY = Map.of(
            "id", sp -> sp.id,
            "deletedDateTime", sp -> null,
            "appOwnerOrganizationId", sp -> sp.tenantId,
            "appId", sp -> sp.appId,
            "appDisplayName", sp -> sp.appDisplayName,
            "applicationTemplateId", sp -> sp.applicationTemplateId,
            "servicePrincipalType", sp -> sp.servicePrincipalType);

    private static final Set<String> NOT_ACCEPTED_ON_CREATE = Set.of("passwordCredentials");

    private ServicePrincipalProperties() {
    }

    static ServicePrincipal create(JsonNode body) {
        ObjectNode object = requireObject(body);
        for (String name : NOT_ACCEPTED_ON_CREATE) {
            if (object.has(name)) {
                throw GraphException.badRequest("Property '" + name + "' is not supported when creating a "
                        + "servicePrincipal; add credentials after creation.", name);
            }
        }
        ServicePrincipal sp = new ServicePrincipal();
        sp.appId = guid(object.get("appId"), "appId");
        writable(object, sp);
        if (sp.displayName == null) {
            sp.displayName = sp.appId.toString();
        }
        sp.appDisplayName = sp.displayName;
        return sp;
    }

    static void patch(JsonNode body, ServicePrincipal sp) {
        ObjectNode object = requireObject(body);
        READ_ONLY.forEach((name, current) -> {
            JsonNode value = object.get(name);
            if (value != null && !Objects.equals(value.asText(), String.valueOf(current.apply(sp)))) {
                throw GraphException.badRequest("Property '" + name + "' is read-only and cannot be changed.", name);
            }
        });
        writable(object, sp);
    }

    private static void writable(ObjectNode object, ServicePrincipal sp) {
        object.properties().forEach(property -> {
            BiConsumer<ServicePrincipal, JsonNode> setter = WRITABLE.get(property.getKey());
            if (setter != null) {
                setter.accept(sp, property.getValue());
            }
        });
    }

    private static ObjectNode requireObject(JsonNode body) {
        if (body == null || body.isMissingNode() || body.isNull()) {
            throw GraphException.badRequest("A request body with a servicePrincipal object is required.");
        }
        if (!body.isObject()) {
            throw GraphException.badRequest("The request body must be a JSON object.");
        }
        return (ObjectNode) body;
    }

    private static UUID guid(JsonNode value, String name) {
        if (value == null || value.isNull()) {
            throw GraphException.badRequest("Property '" + name + "' is required.", name);
        }
        try {
            return UUID.fromString(value.asText());
        } catch (IllegalArgumentException e) {
            throw GraphException.badRequest("Property '" + name + "' must be a GUID, not '" + value.asText() + "'.",
                    name);
        }
    }

    private static String text(JsonNode value, String name, int maxLength) {
        if (value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw GraphException.badRequest("Property '" + name + "' must be a string.", name);
        }
        if (value.asText().length() > maxLength) {
            throw GraphException.badRequest("Property '" + name + "' is longer than " + maxLength + " characters.",
                    name);
        }
        return value.asText();
    }

    /** An informationalUrl object: the known URLs (each a string or null), annotations ignored. */
    private static Map<String, String> info(JsonNode value) {
        Map<String, String> urls = new LinkedHashMap<>();
        if (value.isNull()) {
            return urls;
        }
        if (!value.isObject()) {
            throw GraphException.badRequest("Property 'info' must be an informationalUrl object.", "info");
        }
        for (Map.Entry<String, JsonNode> property : value.properties()) {
            if (property.getKey().startsWith("@")) {
                continue;
            }
            if (!INFO_URLS.contains(property.getKey())) {
                throw GraphException.badRequest("Property 'info' has no property '" + property.getKey()
                        + "'; informationalUrl has " + INFO_URLS + ".", "info/" + property.getKey());
            }
            String url = text(property.getValue(), "info/" + property.getKey(), 2048);
            if (url != null) {
                urls.put(property.getKey(), url);
            }
        }
        return urls;
    }

    private static boolean bool(JsonNode value, String name) {
        if (!value.isBoolean()) {
            throw GraphException.badRequest("Property '" + name + "' must be true or false.", name);
        }
        return value.asBoolean();
    }

    private static List<String> strings(JsonNode value, String name) {
        if (!value.isArray()) {
            throw GraphException.badRequest("Property '" + name + "' must be an array of strings.", name);
        }
        List<String> values = new ArrayList<>();
        for (JsonNode item : value) {
            if (!item.isTextual()) {
                throw GraphException.badRequest("Property '" + name + "' must contain only strings.", name);
            }
            values.add(item.asText());
        }
        return values;
    }
}

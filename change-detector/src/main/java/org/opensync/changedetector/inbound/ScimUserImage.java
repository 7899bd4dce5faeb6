package org.opensync.changedetector.inbound;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.opensync.common.events.ObjectChange;
import org.opensync.mapping.value.ObjectImage;

/**
 * The source image of an uploaded SCIM user: the mapping engine's SCIM flattening, which gives Entra's API source
 * attribute names ({@code userName}, {@code name.givenName}, {@code emails[type eq "work"].value},
 * {@code urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department}, custom extensions alike) and reads a
 * complex value's {@code value} as the attribute's own, so the enterprise {@code manager} is the manager's
 * {@code externalId}. {@code active} also gives {@code IsSoftDeleted} (its negation), the attribute the directory
 * sources compute, so one provisioning rule disables a leaver from either kind of source; an upload without
 * {@code active} leaves the account's state alone.
 */
public final class ScimUserImage {
    public static final String ANCHOR = "objectId";

    private ScimUserImage() {
    }

    /** @param bulkId the BulkRequest operation that sent the record, quoted in its provisioning logs; or null */
    public static Map<String, List<String>> image(String externalId, String bulkId, ObjectNode user) {
        ObjectNode resource = user.deepCopy();
        resource.remove("schemas");
        ObjectImage flat = ObjectImage.fromScim(resource);
        Map<String, List<String>> image = new LinkedHashMap<>();
        flat.attributeNames().forEach(name -> image.put(name, flat.get(name).strings()));
        JsonNode active = user.get("active");
        if (active != null && !active.isNull()) {
            boolean enabled = active.isBoolean() ? active.asBoolean() : "true".equalsIgnoreCase(active.asText());
            image.put("IsSoftDeleted", List.of(enabled ? "False" : "True"));
        }
        image.put(ANCHOR, List.of(externalId));
        image.put("externalId", List.of(externalId));
        if (bulkId != null) {
            image.put(ObjectChange.ObjectChanged.BULK_ID, List.of(bulkId));
        }
        return image;
    }
}

package org.opensync.connectors.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Map;

/**
  * Builds a POST body from a flat target image keyed by Entra-style attribute names, the way the provisioning
  * service shapes it:
  * <ul>
  *   <li>{@code schemas} lists the core schema (and the ADSCIM group schema for groups), plus the enterprise URN when
  *   an enterprise attribute is set; other extension URNs are written but not listed (MAPDOC);</li>
  *   <li>{@code emails[type eq "work"].value} becomes {@code "emails":[{"primary":true,"type":"work","value":…}]}:
  *   elements of type {@code work} are primary, others carry no primary flag;</li>
  *   <li>{@code active} is a JSON boolean even when the mapping produced "True"/"False";</li>
  *   <li>null values and empty lists are left out (null is never provisioned), and so is {@code members}: groups are
  *   created empty and filled with member PATCHes;</li>
  *   <li>a {@code manager} on create is the RFC complex type {@code {"value":id}}.</li>
  * </ul>
  */
public final class TargetImageWriter {

    private TargetImageWriter() {
    }

    public static ObjectNode toResource(ScimResourceType type, Map<String, ?> image) {
        ObjectNode body = ScimValues.JSON.createObjectNode();
        ArrayNode schemas = body.putArray("schemas");
        type.createSchemas().forEach(schemas::add);
        boolean enterprise = false;
        for (Map.Entry<String, ?> entry : image.entrySet()) {
            TargetAttribute attribute = TargetAttribute.parse(entry.getKey());
            Object value = ScimValues.normalize(attribute, entry.getValue());
            if (ScimValues.absent(value) || attribute.isMembers()) {
                continue;
            }
            JsonNode json = attribute.isManager() ? ScimValues.JSON.createObjectNode().put("value", String.valueOf(value))
                    : ScimValues.toJson(value);
            switch (attribute.kind()) {
                case SIMPLE -> body.set(attribute.attribute(), json);
                case DOTTED -> body.withObjectProperty(attribute.attribute()).set(attribute.subAttribute(), json);
                case FILTERED -> element(body.withArray(attribute.attribute()), attribute)
                        .set(attribute.subAttribute(), json);
                case EXTENSION -> {
                    ObjectNode extension = body.withObjectProperty(attribute.schema());
                    if (attribute.subAttribute() == null) {
                        extension.set(attribute.attribute(), json);
                    } else {
                        extension.withObjectProperty(attribute.attribute()).set(attribute.subAttribute(), json);
                    }
                    enterprise |= attribute.schema().equalsIgnoreCase(ScimSchemas.ENTERPRISE_USER);
                }
            }
        }
        if (enterprise) {
            schemas.add(ScimSchemas.ENTERPRISE_USER);
        }
        body.putObject("meta").put("resourceType", type.resourceName());
        return body;
    }

    /** The element whose filter attribute has the filter value, created (primary when of type work) if missing. */
    private static ObjectNode element(ArrayNode array, TargetAttribute attribute) {
        for (JsonNode element : array) {
            JsonNode discriminator = element.get(attribute.filterAttribute());
            if (discriminator != null && discriminator.asText().equalsIgnoreCase(attribute.filterValue())) {
                return (ObjectNode) element;
            }
        }
        ObjectNode created = array.addObject();
        if (attribute.filterAttribute().equalsIgnoreCase("type") && attribute.filterValue().equalsIgnoreCase("work")) {
            created.put("primary", true);
        }
        created.put(attribute.filterAttribute(), attribute.filterValue());
        return created;
    }
}

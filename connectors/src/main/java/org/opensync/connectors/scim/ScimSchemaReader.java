package org.opensync.connectors.scim;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.opensync.connectors.schema.AttributeType;
import org.opensync.connectors.schema.DiscoveredAttribute;
import org.opensync.connectors.schema.DiscoveredObject;

/**
 * Turns a SCIM service provider's /ResourceTypes and /Schemas documents (RFC 7643 §6, §7) into one object per
 * resource type, with attribute names in the form the provisioning engine addresses them:
 * <ul>
 *   <li>simple attributes by name; extension attributes prefixed with their schema URN
 *       ({@code urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department});</li>
 *   <li>a complex attribute with a {@code $ref} sub-attribute is one reference ({@code manager}, {@code members});</li>
 *   <li>a single-valued complex attribute by its sub-attributes ({@code name.givenName});</li>
 *   <li>a multi-valued complex attribute whose {@code type} has canonical values by one attribute per type and
 *       sub-attribute ({@code emails[type eq "work"].value}); without canonical types as itself, multi-valued.</li>
 * </ul>
 * {@code id} and {@code externalId}, common to every resource, are added to each object.
 */
final class ScimSchemaReader {

    private ScimSchemaReader() {
    }

    /**
     * @throws ScimException when a resource type names a schema /Schemas does not serve, or a document is malformed
     */
    static List<DiscoveredObject> objects(List<JsonNode> resourceTypes, List<JsonNode> schemas, String request) {
        Map<String, JsonNode> schemasById = new HashMap<>();
        for (JsonNode schema : schemas) {
            schemasById.put(lower(text(schema, "id", request)), schema);
        }
        List<DiscoveredObject> objects = new ArrayList<>();
        for (JsonNode resourceType : resourceTypes) {
            String name = resourceType.hasNonNull("name") ? resourceType.get("name").asText()
                    : text(resourceType, "id", request);
            Map<String, DiscoveredAttribute> attributes = new LinkedHashMap<>();
            add(attributes, new DiscoveredAttribute("id", AttributeType.STRING, false, false, true, "ReadOnly"));
            add(attributes, new DiscoveredAttribute("externalId", AttributeType.STRING, false, false, true,
                    "ReadWrite"));
            attributesOf(schema(schemasById, text(resourceType, "schema", request), name, request), "")
                    .forEach(attribute -> add(attributes, attribute));
            for (JsonNode extension : resourceType.path("schemaExtensions")) {
                String urn = text(extension, "schema", request);
                attributesOf(schema(schemasById, urn, name, request), urn + ":")
                        .forEach(attribute -> add(attributes, attribute));
            }
            objects.add(new DiscoveredObject(name, new ArrayList<>(attributes.values())));
        }
        return objects;
    }

    private static List<DiscoveredAttribute> attributesOf(JsonNode schema, String prefix) {
        List<DiscoveredAttribute> attributes = new ArrayList<>();
        for (JsonNode attribute : schema.path("attributes")) {
            String name = attribute.path("name").asText("");
            if (name.isBlank()) {
                continue;
            }
            String mutability = mutability(attribute);
            if (!"complex".equalsIgnoreCase(attribute.path("type").asText())) {
                attributes.add(simple(prefix + name, attribute, attribute.path("multiValued").asBoolean(false),
                        mutability));
                continue;
            }
            JsonNode subAttributes = attribute.path("subAttributes");
            boolean multiValued = attribute.path("multiValued").asBoolean(false);
            List<String> types = canonicalTypes(subAttributes);
            if (subAttribute(subAttributes, "$ref") != null) {
                attributes.add(new DiscoveredAttribute(prefix + name, AttributeType.REFERENCE, multiValued,
                        attribute.path("required").asBoolean(false), false, mutability));
            } else if (multiValued && !types.isEmpty()) {
                for (String type : types) {
                    for (JsonNode sub : subAttributes) {
                        String subName = sub.path("name").asText("");
                        if (!subName.isBlank() && !subName.equalsIgnoreCase("type")
                                && !subName.equalsIgnoreCase("primary")) {
                            attributes.add(simple(prefix + name + "[type eq \"" + type + "\"]." + subName, sub,
                                    false, stricter(mutability, mutability(sub))));
                        }
                    }
                }
            } else if (multiValued) {
                JsonNode value = subAttribute(subAttributes, "value");
                attributes.add(new DiscoveredAttribute(prefix + name, value == null ? AttributeType.STRING
                        : type(value.path("type").asText()), true, attribute.path("required").asBoolean(false),
                        value != null && value.path("caseExact").asBoolean(false), mutability));
            } else {
                for (JsonNode sub : subAttributes) {
                    String subName = sub.path("name").asText("");
                    if (!subName.isBlank()) {
                        attributes.add(simple(prefix + name + "." + subName, sub, false,
                                stricter(mutability, mutability(sub))));
                    }
                }
            }
        }
        return attributes;
    }

    /** Graph's type for a SCIM type; {@code decimal}, which Graph lacks, travels as a string. */
    static AttributeType type(String scimType) {
        return switch (scimType.toLowerCase(Locale.ROOT)) {
            case "boolean" -> AttributeType.BOOLEAN;
            case "integer" -> AttributeType.INTEGER;
            case "datetime" -> AttributeType.DATE_TIME;
            case "binary" -> AttributeType.BINARY;
            case "reference" -> AttributeType.REFERENCE;
            default -> AttributeType.STRING;
        };
    }

    private static DiscoveredAttribute simple(String name, JsonNode attribute, boolean multiValued, String mutability) {
        return new DiscoveredAttribute(name, type(attribute.path("type").asText("string")), multiValued,
                attribute.path("required").asBoolean(false), attribute.path("caseExact").asBoolean(false), mutability);
    }

    private static List<String> canonicalTypes(JsonNode subAttributes) {
        JsonNode type = subAttribute(subAttributes, "type");
        List<String> values = new ArrayList<>();
        if (type != null) {
            type.path("canonicalValues").forEach(value -> {
                if (value.isTextual() && !value.asText().isBlank() && !value.asText().contains("\"")) {
                    values.add(value.asText());
                }
            });
        }
        return values;
    }

    private static JsonNode subAttribute(JsonNode subAttributes, String name) {
        for (JsonNode sub : subAttributes) {
            if (sub.path("name").asText("").equalsIgnoreCase(name)) {
                return sub;
            }
        }
        return null;
    }

    /** RFC 7643 mutability in Graph's spelling; readWrite when absent (the RFC's default). */
    private static String mutability(JsonNode attribute) {
        return switch (attribute.path("mutability").asText("readWrite").toLowerCase(Locale.ROOT)) {
            case "readonly" -> "ReadOnly";
            case "immutable" -> "Immutable";
            case "writeonly" -> "WriteOnly";
            default -> "ReadWrite";
        };
    }

    /** A sub-attribute of a read-only complex attribute is read-only, whatever it says itself. */
    private static String stricter(String parent, String sub) {
        return parent.equals("ReadWrite") ? sub : parent;
    }

    private static JsonNode schema(Map<String, JsonNode> schemasById, String urn, String resourceType,
                                   String request) {
        JsonNode schema = schemasById.get(lower(urn));
        if (schema == null) {
            throw ScimErrors.incompatible(request, 200, "resource type " + resourceType + " names schema " + urn
                    + ", which /Schemas does not list");
        }
        return schema;
    }

    private static void add(Map<String, DiscoveredAttribute> attributes, DiscoveredAttribute attribute) {
        attributes.putIfAbsent(lower(attribute.name()), attribute);
    }

    private static String text(JsonNode node, String field, String request) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw ScimErrors.incompatible(request, 200, "a discovery document has no '" + field + "'");
        }
        return value.asText();
    }

    private static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }
}

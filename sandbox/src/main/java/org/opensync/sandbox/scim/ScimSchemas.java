package org.opensync.sandbox.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
  * The schema definitions, read from {@code schemas.json}. That file lists only characteristics that differ from
  * RFC 7643 §2.2's defaults; the served /Schemas documents spell every characteristic out.
  */
final class ScimSchemas {

    static final String SCHEMA_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Schema";

    /** id and externalId belong to every resource (RFC 7643 §3.1) and are compared case-exactly. */
    private static final Map<String, AttributeDefinition> COMMON = Map.of(
            "id", new AttributeDefinition("id", "string", false, true, Map.of()),
            "externalid", new AttributeDefinition("externalId", "string", false, true, Map.of()));

    private final Map<String, Map<String, AttributeDefinition>> attributesBySchema = new LinkedHashMap<>();
    private final List<ObjectNode> documents = new ArrayList<>();

    private ScimSchemas(JsonNode compactSchemas) {
        for (JsonNode compact : compactSchemas) {
            ObjectNode document = ScimJson.NODES.objectNode();
            document.putArray("schemas").add(SCHEMA_SCHEMA);
            document.put("id", compact.get("id").asText());
            document.put("name", compact.get("name").asText());
            document.put("description", compact.get("description").asText());
            ArrayNode attributes = document.putArray("attributes");
            Map<String, AttributeDefinition> definitions = new LinkedHashMap<>();
            for (JsonNode attribute : compact.get("attributes")) {
                ObjectNode expanded = expand(attribute);
                attributes.add(expanded);
                AttributeDefinition definition = definition(expanded);
                definitions.put(lower(definition.name()), definition);
            }
            attributesBySchema.put(lower(compact.get("id").asText()), definitions);
            documents.add(document);
        }
    }

    static ScimSchemas load() {
        try (InputStream in = ScimSchemas.class.getResourceAsStream("schemas.json")) {
            if (in == null) {
                throw new IllegalStateException("schemas.json is missing from the classpath");
            }
            return new ScimSchemas(ScimJson.MAPPER.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The Schema resources as served, without meta (the location depends on the server's address). */
    List<ObjectNode> documents() {
        return documents;
    }

    /**
      * Whether a path prefix names a whole schema, not an attribute: a schema we know, or (for custom extensions we
      * don't) a URN ending in the resource type's name, e.g. {@code urn:ietf:params:scim:schemas:extension:Acme:2.0:User}.
      */
    boolean isSchemaUrn(ResourceType type, String candidate) {
        if (!candidate.regionMatches(true, 0, "urn:", 0, 4)) {
            return false;
        }
        return attributesBySchema.containsKey(lower(candidate))
                || lower(candidate).endsWith(":" + lower(type.resourceName()));
    }

    boolean isCoreSchema(ResourceType type, String urn) {
        return urn == null || urn.equalsIgnoreCase(type.coreSchema());
    }

    /** The definition of a top-level attribute of the resource, or null when no schema defines it. */
    AttributeDefinition definition(ResourceType type, String urn, String attribute) {
        if (isCoreSchema(type, urn)) {
            AttributeDefinition common = COMMON.get(lower(attribute));
            if (common != null) {
                return common;
            }
            AttributeDefinition core = attributesBySchema.get(lower(type.coreSchema())).get(lower(attribute));
            if (core != null || urn != null) {
                return core;
            }
            String extension = owningExtension(type, attribute);
            return extension == null ? null : definition(type, extension, attribute);
        }
        Map<String, AttributeDefinition> extension = attributesBySchema.get(lower(urn));
        return extension == null ? null : extension.get(lower(attribute));
    }

    /**
      * The extension that defines an attribute named without a URN, when the core schema does not: clients send
      * {@code manager} for the enterprise extension's manager (Entra's legacy form), and filter on it the same way.
      */
    String owningExtension(ResourceType type, String attribute) {
        if (COMMON.containsKey(lower(attribute))
                || attributesBySchema.get(lower(type.coreSchema())).containsKey(lower(attribute))) {
            return null;
        }
        for (String extension : type.extensions()) {
            if (attributesBySchema.get(lower(extension)).containsKey(lower(attribute))) {
                return extension;
            }
        }
        return null;
    }

    private static ObjectNode expand(JsonNode compact) {
        String type = compact.path("type").asText("string");
        ObjectNode expanded = ScimJson.NODES.objectNode();
        expanded.put("name", compact.get("name").asText());
        expanded.put("type", type);
        expanded.put("multiValued", compact.path("multiValued").asBoolean(false));
        expanded.put("description", compact.path("description").asText(""));
        expanded.put("required", compact.path("required").asBoolean(false));
        if (compact.has("canonicalValues")) {
            expanded.set("canonicalValues", compact.get("canonicalValues"));
        }
        if (!"complex".equals(type)) {
            expanded.put("caseExact", compact.path("caseExact").asBoolean(false));
        }
        expanded.put("mutability", compact.path("mutability").asText("readWrite"));
        expanded.put("returned", compact.path("returned").asText("default"));
        expanded.put("uniqueness", compact.path("uniqueness").asText("none"));
        if ("reference".equals(type)) {
            expanded.set("referenceTypes", compact.get("referenceTypes"));
        }
        if (compact.has("subAttributes")) {
            ArrayNode subAttributes = expanded.putArray("subAttributes");
            compact.get("subAttributes").forEach(sub -> subAttributes.add(expand(sub)));
        }
        return expanded;
    }

    private static AttributeDefinition definition(JsonNode expanded) {
        Map<String, AttributeDefinition> subAttributes = new LinkedHashMap<>();
        expanded.path("subAttributes").forEach(sub -> {
            AttributeDefinition definition = definition(sub);
            subAttributes.put(lower(definition.name()), definition);
        });
        return new AttributeDefinition(expanded.get("name").asText(), expanded.get("type").asText(),
                expanded.get("multiValued").asBoolean(), expanded.path("caseExact").asBoolean(false),
                Map.copyOf(subAttributes));
    }

    static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }
}

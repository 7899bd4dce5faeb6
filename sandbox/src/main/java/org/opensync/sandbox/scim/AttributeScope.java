package org.opensync.sandbox.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;

/**
  * Resolves attribute paths against either a whole resource (URNs, extensions) or one element of a multi-valued
  * complex attribute (inside a value filter), and knows each attribute's definition so comparisons honour caseExact.
  */
final class AttributeScope {

    private final ScimSchemas schemas;
    private final ResourceType type;
    /** Null at resource level; the complex attribute whose elements are being examined otherwise. */
    private final AttributeDefinition element;
    private final boolean elementLevel;
    /** A core top-level attribute compared case-exactly whatever its schema says, or null. */
    private final String caseExactOverride;

    private AttributeScope(ScimSchemas schemas, ResourceType type, AttributeDefinition element, boolean elementLevel,
                                                  String caseExactOverride) {
        this.schemas = schemas;
        this.type = type;
        this.element = element;
        this.elementLevel = elementLevel;
        this.caseExactOverride = caseExactOverride;
    }

    static AttributeScope of(ScimSchemas schemas, ResourceType type) {
        return new AttributeScope(schemas, type, null, false, null);
    }

    AttributeScope within(AttributeDefinition complex) {
        return new AttributeScope(schemas, type, complex, true, null);
    }

    /** This resource-level scope, comparing the core attribute {@code name} case-exactly (a server quirk). */
    AttributeScope withCaseExact(String name) {
        return new AttributeScope(schemas, type, element, elementLevel, name);
    }

    ScimSchemas schemas() {
        return schemas;
    }

    ResourceType type() {
        return type;
    }

    AttributePath parse(String text) {
        return elementLevel ? AttributePath.element(text) : AttributePath.parse(text, type, schemas);
    }

    /** The URN of the object holding a top-level attribute, or null for the resource itself. */
    String containerUrn(AttributePath path) {
        if (elementLevel) {
            return null;
        }
        return path.urn() != null ? path.urn() : schemas.owningExtension(type, path.attribute());
    }

    /** The definition of the attribute (not the sub-attribute) named by {@code path}; null when unknown. */
    AttributeDefinition definition(AttributePath path) {
        if (elementLevel) {
            return element == null ? null : element.sub(path.attribute());
        }
        return schemas.definition(type, path.urn(), path.attribute());
    }

    /** The value at {@code path}: for a sub-attribute of a multi-valued attribute, an array of the sub-values. */
    JsonNode value(JsonNode node, AttributePath path) {
        String urn = containerUrn(path);
        JsonNode container = urn == null ? node : ScimJson.field(node, urn);
        JsonNode value = ScimJson.field(container, path.attribute());
        if (path.subAttribute() == null || value == null) {
            return value;
        }
        if (!value.isArray()) {
            return ScimJson.field(value, path.subAttribute());
        }
        ArrayNode subValues = ScimJson.NODES.arrayNode();
        for (JsonNode item : value) {
            JsonNode subValue = ScimJson.field(item, path.subAttribute());
            if (subValue != null) {
                subValues.add(subValue);
            }
        }
        return subValues;
    }

    /** Whether string comparisons on {@code path} are case-sensitive; RFC 7643's default is not. */
    boolean caseExact(AttributePath path) {
        if (path.urn() == null && path.subAttribute() == null && path.attribute().equalsIgnoreCase(caseExactOverride)) {
            return true;
        }
        AttributeDefinition definition = definition(path);
        if (definition != null && path.subAttribute() != null) {
            definition = definition.sub(path.subAttribute());
        }
        return definition != null && definition.caseExact();
    }
}

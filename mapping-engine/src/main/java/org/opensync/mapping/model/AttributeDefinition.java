package org.opensync.mapping.model;

import java.util.List;

/** Graph {@code attributeDefinition}. Absent {@code mutability}/{@code type} take their documented defaults. */
@GraphType
public record AttributeDefinition(
        boolean anchor,
        List<StringKeyStringValuePair> apiExpressions,
        boolean caseExact,
        String defaultValue,
        boolean flowNullValues,
        List<AttributeDefinitionMetadataEntry> metadata,
        boolean multivalued,
        Mutability mutability,
        String name,
        List<ReferencedObject> referencedObjects,
        boolean required,
        AttributeType type) {

    public AttributeDefinition {
        apiExpressions = Lists.copy(apiExpressions);
        metadata = Lists.copy(metadata);
        mutability = mutability == null ? Mutability.ReadWrite : mutability;
        referencedObjects = Lists.copy(referencedObjects);
        type = type == null ? AttributeType.String : type;
    }

    /** A plain single-valued String attribute, the common case in tests and templates. */
    public static AttributeDefinition of(String name, AttributeType type) {
        return new AttributeDefinition(false, null, false, null, false, null, false, null, name, null, false, type);
    }
}

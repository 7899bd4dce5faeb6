package org.opensync.mapping.model;

/** Graph {@code attributeMappingParameterSchema} (§3.34.3). */
@GraphType
public record AttributeMappingParameterSchema(
        boolean allowMultipleOccurrences,
        String name,
        boolean required,
        AttributeType type) {

    public AttributeMappingParameterSchema {
        type = type == null ? AttributeType.String : type;
    }
}

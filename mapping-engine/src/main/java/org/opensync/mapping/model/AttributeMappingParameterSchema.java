package org.opensync.mapping.model;

/** Graph {@code attributeMappingParameterSchema}. */
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

package org.opensync.mapping.model;

import com.fasterxml.jackson.annotation.JsonCreator;

/** Graph {@code attributeDefinitionMetadata} keys. */
public enum AttributeDefinitionMetadata {
    BaseAttributeName, ComplexObjectDefinition, IsContainer, IsCustomerDefined, IsDomainQualified,
    LinkPropertyNames, LinkTypeName, MaximumLength, ReferencedProperty;

    @JsonCreator
    public static AttributeDefinitionMetadata of(java.lang.String text) {
        return WireEnums.parse(AttributeDefinitionMetadata.class, text);
    }
}

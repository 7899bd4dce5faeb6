package org.opensync.mapping.model;

import com.fasterxml.jackson.annotation.JsonCreator;

/** Graph {@code objectDefinitionMetadata} keys (SDK members; the beta docs' {@code LinkTypeName} is not one). */
public enum ObjectDefinitionMetadata {
    PropertyNameAccountEnabled, PropertyNameSoftDeleted, IsSoftDeletionSupported, IsSynchronizeAllSupported,
    ConnectorDataStorageRequired, Extensions, BaseObjectName;

    @JsonCreator
    public static ObjectDefinitionMetadata of(java.lang.String text) {
        return WireEnums.parse(ObjectDefinitionMetadata.class, text);
    }
}

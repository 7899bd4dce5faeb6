package org.opensync.mapping.model;

import com.fasterxml.jackson.annotation.JsonCreator;

/** Graph {@code objectMappingMetadata} keys. */
public enum ObjectMappingMetadata {
    EscrowBehavior, DisableMonitoringForChanges, OriginalJoiningProperty, Disposition, IsCustomerDefined,
    ExcludeFromReporting, Unsynchronized;

    @JsonCreator
    public static ObjectMappingMetadata of(java.lang.String text) {
        return WireEnums.parse(ObjectMappingMetadata.class, text);
    }
}

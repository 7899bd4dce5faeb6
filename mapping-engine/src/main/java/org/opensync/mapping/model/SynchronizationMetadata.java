package org.opensync.mapping.model;

import com.fasterxml.jackson.annotation.JsonCreator;

/** Graph {@code synchronizationMetadata} keys, in the SDK spellings (the docs' PascalCase forms are accepted on input because matching is case-insensitive). */
public enum SynchronizationMetadata {
    galleryApplicationIdentifier, galleryApplicationKey, isOAuthEnabled,
    IsSynchronizationAgentAssignmentRequired, isSynchronizationAgentRequired, isSynchronizationInPreview,
    oAuthSettings, synchronizationLearnMoreIbizaFwLink, configurationFields;

    @JsonCreator
    public static SynchronizationMetadata of(java.lang.String text) {
        return WireEnums.parse(SynchronizationMetadata.class, text);
    }
}

package org.opensync.mapping.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.UUID;

/**
 * Graph {@code synchronizationTemplate}; {@code schema} is returned inline in list/get responses. The
 * {@code default} property is {@code isDefault} in Java because {@code default} is a keyword.
 */
@GraphType
public record SynchronizationTemplate(
        String id,
        UUID applicationId,
        @JsonProperty("default") boolean isDefault,
        String description,
        boolean discoverable,
        String factoryTag,
        List<SynchronizationMetadataEntry> metadata,
        SynchronizationSchema schema) {

    public SynchronizationTemplate {
        metadata = Lists.copy(metadata);
    }
}

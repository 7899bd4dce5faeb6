package org.opensync.mapping.model;

import java.util.List;

/** Graph {@code synchronizationRule}: one direction from a source to a target directory. */
@GraphType
public record SynchronizationRule(
        ContainerFilter containerFilter,
        boolean editable,
        GroupFilter groupFilter,
        String id,
        List<StringKeyStringValuePair> metadata,
        String name,
        List<ObjectMapping> objectMappings,
        int priority,
        String sourceDirectoryName,
        String targetDirectoryName) {

    public SynchronizationRule {
        metadata = Lists.copy(metadata);
        objectMappings = Lists.copy(objectMappings);
    }
}

package org.opensync.mapping.model;

import java.util.List;
import java.util.Optional;

/** Graph {@code synchronizationSchema}: directories and the rules between them. */
@GraphType
public record SynchronizationSchema(
        String id,
        List<DirectoryDefinition> directories,
        List<SynchronizationRule> synchronizationRules,
        String version) {

    public SynchronizationSchema {
        directories = Lists.copy(directories);
        synchronizationRules = Lists.copy(synchronizationRules);
    }

    public Optional<DirectoryDefinition> directory(String name) {
        return directories.stream().filter(d -> d.name() != null && d.name().equals(name)).findFirst();
    }
}

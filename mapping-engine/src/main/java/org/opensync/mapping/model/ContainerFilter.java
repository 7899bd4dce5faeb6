package org.opensync.mapping.model;

import java.util.List;

/** Graph {@code containerFilter}. */
@GraphType
public record ContainerFilter(List<String> includedContainers) {
    public ContainerFilter {
        includedContainers = Lists.copy(includedContainers);
    }
}

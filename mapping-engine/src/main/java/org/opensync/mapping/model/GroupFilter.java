package org.opensync.mapping.model;

import java.util.List;

/** Graph {@code groupFilter}. */
@GraphType
public record GroupFilter(List<String> includedGroups) {
    public GroupFilter {
        includedGroups = Lists.copy(includedGroups);
    }
}

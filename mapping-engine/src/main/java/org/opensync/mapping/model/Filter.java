package org.opensync.mapping.model;

import java.util.List;

/** Graph {@code filter}: the scoping filter of an object mapping; within each set, groups are OR-ed. */
@GraphType
public record Filter(
        List<FilterGroup> categoryFilterGroups,
        List<FilterGroup> groups,
        List<FilterGroup> inputFilterGroups) {

    public Filter {
        categoryFilterGroups = Lists.copy(categoryFilterGroups);
        groups = Lists.copy(groups);
        inputFilterGroups = Lists.copy(inputFilterGroups);
    }
}

package org.opensync.mapping.model;

import java.util.List;

/** Graph {@code filterGroup}: true only when all clauses are true. */
@GraphType
public record FilterGroup(List<FilterClause> clauses, String name) {
    public FilterGroup {
        clauses = Lists.copy(clauses);
    }
}

package org.opensync.mapping.model;

import java.util.List;

/** Graph {@code filterOperand}. */
@GraphType
public record FilterOperand(List<String> values) {
    public FilterOperand {
        values = Lists.copy(values);
    }
}

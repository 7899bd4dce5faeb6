package org.opensync.mapping.model;

import java.util.List;

/** Graph {@code filterOperatorSchema}; {@code id} repeats {@code name} because SDK clients read {@code id}. */
@GraphType
public record FilterOperatorSchema(
        ScopeOperatorType arity,
        ScopeOperatorMultiValuedComparisonType multivaluedComparisonType,
        String id,
        String name,
        List<AttributeType> supportedAttributeTypes) {

    public FilterOperatorSchema {
        arity = arity == null ? ScopeOperatorType.Binary : arity;
        multivaluedComparisonType = multivaluedComparisonType == null
                ? ScopeOperatorMultiValuedComparisonType.All : multivaluedComparisonType;
        supportedAttributeTypes = Lists.copy(supportedAttributeTypes);
    }
}

package org.opensync.mapping.catalog;

import java.util.Arrays;
import java.util.List;
import org.opensync.mapping.model.FilterOperatorSchema;
import org.opensync.mapping.scoping.ScopeOperator;

/**
 * The {@code filterOperators} catalogue: only the eight operators of the Graph documentation, whose wire spellings
 * are confirmed. Scoping evaluates more (see {@link ScopeOperator}); {@link #supported()} lists those for validation
 * messages, but they are not emitted by the endpoint.
 */
public final class FilterOperatorCatalog {
    private static final List<FilterOperatorSchema> PUBLISHED = Arrays.stream(ScopeOperator.values())
            .filter(ScopeOperator::published).map(FilterOperatorCatalog::schema).toList();
    private static final List<FilterOperatorSchema> SUPPORTED = Arrays.stream(ScopeOperator.values())
            .map(FilterOperatorCatalog::schema).toList();

    private FilterOperatorCatalog() {
    }

    public static List<FilterOperatorSchema> operators() {
        return PUBLISHED;
    }

    public static List<FilterOperatorSchema> supported() {
        return SUPPORTED;
    }

    private static FilterOperatorSchema schema(ScopeOperator operator) {
        return new FilterOperatorSchema(operator.arity(), operator.multivaluedComparisonType(), operator.graphName(),
                operator.graphName(), operator.supportedAttributeTypes());
    }
}

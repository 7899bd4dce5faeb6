package org.opensync.mapping.apply;

import java.util.ArrayList;
import java.util.List;
import org.opensync.mapping.expression.Expressions;
import org.opensync.mapping.model.AttributeDefinition;
import org.opensync.mapping.model.AttributeFlowBehavior;
import org.opensync.mapping.model.AttributeFlowType;
import org.opensync.mapping.model.AttributeMapping;
import org.opensync.mapping.model.AttributeType;
import org.opensync.mapping.model.Filter;
import org.opensync.mapping.model.ObjectDefinition;
import org.opensync.mapping.model.ObjectMapping;

/** Builders for mapping tests: expressions are written as text and converted to Graph trees. */
final class Mappings {
    private Mappings() {
    }

    static AttributeMapping map(String target, String expression) {
        return map(target, expression, AttributeFlowType.Always, AttributeFlowBehavior.FlowWhenChanged, null, 0);
    }

    static AttributeMapping map(String target, String expression, AttributeFlowType flowType,
            AttributeFlowBehavior behavior, String defaultValue, int matchingPriority) {
        return new AttributeMapping(defaultValue, false, behavior, flowType, matchingPriority,
                expression == null ? null : Expressions.parse(expression).toMappingSource(), target);
    }

    static ObjectMapping object(AttributeMapping... attributes) {
        return object(null, attributes);
    }

    static ObjectMapping object(Filter scope, AttributeMapping... attributes) {
        return new ObjectMapping(List.of(attributes), true, null, null, "Provision users", scope, "User", "User");
    }

    static AttributeDefinition attribute(String name, AttributeType type) {
        return AttributeDefinition.of(name, type);
    }

    static AttributeDefinition attribute(String name, AttributeType type, String... flags) {
        List<String> set = new ArrayList<>(List.of(flags));
        return new AttributeDefinition(set.contains("anchor"), null, set.contains("caseExact"), null,
                set.contains("flowNullValues"), null, set.contains("multivalued"), null, name, null,
                set.contains("required"), type);
    }

    static ObjectDefinition definition(String name, AttributeDefinition... attributes) {
        return new ObjectDefinition(List.of(attributes), null, name, null);
    }
}

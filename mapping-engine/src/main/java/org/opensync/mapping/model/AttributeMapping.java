package org.opensync.mapping.model;

/**
 * Graph {@code attributeMapping}. {@code source == null} is the portal's mapping type "None" (default value
 * only). Absent {@code flowBehavior}/{@code flowType} take their documented defaults; {@code exportMissingReferences}
 * also accepts the strings {@code "true"}/{@code "false"} (Jackson scalar coercion), as the docs' table types it String.
 */
@GraphType
public record AttributeMapping(
        String defaultValue,
        boolean exportMissingReferences,
        AttributeFlowBehavior flowBehavior,
        AttributeFlowType flowType,
        int matchingPriority,
        AttributeMappingSource source,
        String targetAttributeName) {

    public AttributeMapping {
        flowBehavior = flowBehavior == null ? AttributeFlowBehavior.FlowWhenChanged : flowBehavior;
        flowType = flowType == null ? AttributeFlowType.Always : flowType;
    }

    /** A mapping with default flow settings, not used for matching. */
    public static AttributeMapping of(String targetAttributeName, AttributeMappingSource source) {
        return new AttributeMapping(null, false, null, null, 0, source, targetAttributeName);
    }
}

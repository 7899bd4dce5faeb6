package org.opensync.mapping.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Graph {@code objectMapping}. Absent {@code flowTypes} mean {@code Add,Update,Delete} (documented default);
 * absent {@code enabled} means enabled, because a mapping that silently stops flowing is the costlier mistake.
 */
@GraphType
public record ObjectMapping(
        List<AttributeMapping> attributeMappings,
        Boolean enabled,
        @JsonSerialize(using = FlagSetJson.Serializer.class)
        @JsonDeserialize(using = FlagSetJson.Deserializer.class)
        Set<ObjectFlowType> flowTypes,
        List<ObjectMappingMetadataEntry> metadata,
        String name,
        Filter scope,
        String sourceObjectName,
        String targetObjectName) {

    public static final Set<ObjectFlowType> DEFAULT_FLOW_TYPES =
            FlagSets.copy(ObjectFlowType.class, EnumSet.of(ObjectFlowType.Add, ObjectFlowType.Update,
                    ObjectFlowType.Delete), null);

    public ObjectMapping {
        attributeMappings = Lists.copy(attributeMappings);
        enabled = enabled == null ? Boolean.TRUE : enabled;
        flowTypes = FlagSets.copy(ObjectFlowType.class, flowTypes, DEFAULT_FLOW_TYPES);
        metadata = Lists.copy(metadata);
    }
}

package org.opensync.mapping.model;

import java.util.List;
import java.util.Optional;

/** Graph {@code objectDefinition}: an object type of a directory and its attributes. */
@GraphType
public record ObjectDefinition(
        List<AttributeDefinition> attributes,
        List<ObjectDefinitionMetadataEntry> metadata,
        String name,
        List<String> supportedApis) {

    public ObjectDefinition {
        attributes = Lists.copy(attributes);
        metadata = Lists.copy(metadata);
        supportedApis = Lists.copy(supportedApis);
    }

    /** Exact-name lookup: the spec matches attribute names exactly as declared. */
    public Optional<AttributeDefinition> attribute(String attributeName) {
        return attributes.stream().filter(a -> a.name() != null && a.name().equals(attributeName)).findFirst();
    }
}

package org.opensync.mapping.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Graph {@code directoryDefinition}. */
@GraphType
public record DirectoryDefinition(
        String id,
        @JsonSerialize(using = FlagSetJson.Serializer.class)
        @JsonDeserialize(using = FlagSetJson.Deserializer.class)
        Set<DirectoryDefinitionDiscoverability> discoverabilities,
        @JsonSerialize(using = InstantJson.Serializer.class)
        @JsonDeserialize(using = InstantJson.Deserializer.class)
        Instant discoveryDateTime,
        String name,
        List<ObjectDefinition> objects,
        boolean readOnly,
        String version) {

    public DirectoryDefinition {
        discoverabilities = FlagSets.copy(DirectoryDefinitionDiscoverability.class, discoverabilities, Set.of());
        objects = Lists.copy(objects);
    }

    public Optional<ObjectDefinition> object(String objectName) {
        return objects.stream().filter(o -> o.name() != null && o.name().equals(objectName)).findFirst();
    }
}

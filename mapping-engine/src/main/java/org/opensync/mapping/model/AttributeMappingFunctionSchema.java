package org.opensync.mapping.model;

import java.util.List;

/** Graph {@code attributeMappingFunctionSchema}; {@code id} repeats {@code name} for SDK clients. */
@GraphType
public record AttributeMappingFunctionSchema(String id, String name, List<AttributeMappingParameterSchema> parameters) {
    public AttributeMappingFunctionSchema {
        parameters = Lists.copy(parameters);
    }
}

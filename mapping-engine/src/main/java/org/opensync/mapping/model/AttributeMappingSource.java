package org.opensync.mapping.model;

import java.util.List;

/**
 * Graph {@code attributeMappingSource}: a node of the mapping source tree. {@code name} is the attribute name,
 * the constant's value or the function name depending on {@code type} (absent type means {@code Attribute});
 * {@code expression} is the node's canonical expression text. Conversion from and to expression text lives in
 * {@code org.opensync.mapping.expression.MappingSourceTrees}.
 */
@GraphType
public record AttributeMappingSource(
        String expression,
        String name,
        List<StringKeyAttributeMappingSourceValuePair> parameters,
        AttributeMappingSourceType type) {

    public AttributeMappingSource {
        parameters = Lists.copy(parameters);
        type = type == null ? AttributeMappingSourceType.Attribute : type;
    }
}

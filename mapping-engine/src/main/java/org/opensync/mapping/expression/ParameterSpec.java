package org.opensync.mapping.expression;

import org.opensync.mapping.model.AttributeType;

/** One parameter of a function: its key in the mapping source tree, type, and whether it is required or repeats. */
public record ParameterSpec(String name, AttributeType type, boolean required, boolean repeating) {
}

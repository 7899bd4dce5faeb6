package org.opensync.mapping.expression;

import java.util.Optional;
import org.opensync.mapping.model.AttributeDefinition;
import org.opensync.mapping.model.ObjectDefinition;

/** Validates attribute references against the source object definition, when one is known. */
final class AttributeCheck {
    static final AttributeCheck NONE = new AttributeCheck(null);

    private final ObjectDefinition definition;

    private AttributeCheck(ObjectDefinition definition) {
        this.definition = definition;
    }

    /**
     * A definition without attributes (the Graph SDKs send {@code {"name":"User"}} when a script names only the
     * object type) constrains nothing: it is not a claim that the object has no attributes.
     */
    static AttributeCheck of(ObjectDefinition definition) {
        return definition == null || definition.attributes().isEmpty() ? NONE : new AttributeCheck(definition);
    }

    /** Empty when the attribute is known (or nothing is checked); otherwise a description of what was expected. */
    Optional<String> problem(String attributeName) {
        if (definition == null || definition.attribute(attributeName).isPresent()) {
            return Optional.empty();
        }
        String expected = "an attribute of object '" + definition.name() + "'";
        Optional<String> nearMiss = definition.attributes().stream().map(AttributeDefinition::name)
                .filter(name -> name != null && name.equalsIgnoreCase(attributeName)).findFirst();
        return Optional.of(nearMiss.map(name -> expected + " (names are case-sensitive: did you mean [" + name + "]?)")
                .orElse(expected));
    }
}

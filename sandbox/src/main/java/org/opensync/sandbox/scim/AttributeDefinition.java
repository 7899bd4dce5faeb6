package org.opensync.sandbox.scim;

import java.util.Locale;
import java.util.Map;

/** The characteristics of one schema attribute that change how values are compared and stored. */
record AttributeDefinition(String name, String type, boolean multiValued, boolean caseExact,
                                                      Map<String, AttributeDefinition> subAttributes) {

    AttributeDefinition sub(String subName) {
        return subAttributes.get(subName.toLowerCase(Locale.ROOT));
    }

    boolean isComplex() {
        return "complex".equals(type);
    }

    boolean isBoolean() {
        return "boolean".equals(type);
    }
}

package org.opensync.connectors.schema;

/** Graph's attributeType: the kinds of value an attribute of a connected system holds. */
public enum AttributeType {
    STRING("String"),
    INTEGER("Integer"),
    BOOLEAN("Boolean"),
    DATE_TIME("DateTime"),
    BINARY("Binary"),
    /** A pointer to another object: an LDAP DN, a SCIM {@code $ref}. */
    REFERENCE("Reference");

    private final String graphName;

    AttributeType(String graphName) {
        this.graphName = graphName;
    }

    /** As Graph spells it in attributeDefinition.type. */
    public String graphName() {
        return graphName;
    }
}

package org.opensync.connectors.scim;

import java.util.List;

/** The two resource types the provisioning service writes. */
public enum ScimResourceType {
    USER("Users", "User", List.of(ScimSchemas.CORE_USER)),
    /** Entra lists its ADSCIM group schema next to the core one when creating groups. */
    GROUP("Groups", "Group", List.of(ScimSchemas.CORE_GROUP, ScimSchemas.MICROSOFT_GROUP));

    private final String endpoint;
    private final String resourceName;
    private final List<String> createSchemas;

    ScimResourceType(String endpoint, String resourceName, List<String> createSchemas) {
        this.endpoint = endpoint;
        this.resourceName = resourceName;
        this.createSchemas = createSchemas;
    }

    /** "Users" or "Groups", the path segment below the tenant URL. */
    public String endpoint() {
        return endpoint;
    }

    /** "User" or "Group", as in {@code meta.resourceType}. */
    public String resourceName() {
        return resourceName;
    }

    List<String> createSchemas() {
        return createSchemas;
    }
}

package org.opensync.sandbox.scim;

import java.util.List;

/** The two resource types the sandbox serves, with the attribute each keeps unique. */
public enum ResourceType {
    USER("User", "/Users", "urn:ietf:params:scim:schemas:core:2.0:User", "userName",
            List.of("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User")),
    GROUP("Group", "/Groups", "urn:ietf:params:scim:schemas:core:2.0:Group", "displayName", List.of());

    private final String resourceName;
    private final String endpoint;
    private final String coreSchema;
    private final String uniqueAttribute;
    private final List<String> extensions;

    ResourceType(String resourceName, String endpoint, String coreSchema, String uniqueAttribute,
                              List<String> extensions) {
        this.resourceName = resourceName;
        this.endpoint = endpoint;
        this.coreSchema = coreSchema;
        this.uniqueAttribute = uniqueAttribute;
        this.extensions = extensions;
    }

    /** "User" or "Group", as in meta.resourceType. */
    public String resourceName() {
        return resourceName;
    }

    public String endpoint() {
        return endpoint;
    }

    public String coreSchema() {
        return coreSchema;
    }

    /**
      * userName for users, displayName for groups: compared case-insensitively (unless the caseSensitiveUserName
      * quirk is on), 409 on a clash.
      */
    public String uniqueAttribute() {
        return uniqueAttribute;
    }

    public List<String> extensions() {
        return extensions;
    }
}

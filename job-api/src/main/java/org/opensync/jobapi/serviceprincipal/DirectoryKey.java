package org.opensync.jobapi.serviceprincipal;

import java.util.Optional;
import java.util.UUID;

/**
 * How a URL addresses a directory object: by object id ({@code id}), or by the alternate key {@code appId=<guid>}
 * that {@code servicePrincipals(appId='...')} and {@code applications(appId='...')} are rewritten to.
 *
 * @param property the entity property the key matches
 */
public record DirectoryKey(String property, UUID value) {
    private static final String APP_ID = "appId=";

    /** The key, or empty when it holds no GUID (so it names nothing). */
    public static Optional<DirectoryKey> parse(String key) {
        boolean byAppId = key.regionMatches(true, 0, APP_ID, 0, APP_ID.length());
        try {
            return Optional.of(new DirectoryKey(byAppId ? "appId" : "id",
                    UUID.fromString(byAppId ? key.substring(APP_ID.length()) : key)));
        } catch (IllegalArgumentException notAGuid) {
            return Optional.empty();
        }
    }

    /** The JPQL condition selecting the object of {@code tenant} (parameters 1 and 2). */
    public String condition() {
        return "tenantId = ?1 and " + property + " = ?2";
    }
}

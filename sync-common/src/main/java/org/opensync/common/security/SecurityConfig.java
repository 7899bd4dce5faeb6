package org.opensync.common.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * How a verified token becomes a caller: its tenant and its permissions. Issuer, keys, audience and clock skew are
 * checked by {@code quarkus.oidc.*} before this applies.
 */
@ConfigMapping(prefix = "sync.security")
public interface SecurityConfig {

    /**
     * The tenant of callers whose token has no {@code tid} claim: single-tenant installs and the local profile. A
     * token with a {@code tid} acts in that tenant. Environment: {@code SYNC_TENANT_ID}.
     */
    @WithDefault("8c1d2e3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f")
    UUID defaultTenant();

    /**
     * Graph permissions granted to members of a group, by the group's id as the token's {@code groups} claim names
     * it, e.g. {@code sync.security.group-permissions."<group id>"=Synchronization.Read.All}. Empty by default: a
     * {@code groups} claim grants nothing unless mapped here. Several permissions are comma-separated.
     */
    Map<String, List<String>> groupPermissions();

    /**
     * Tenants whose tokens are accepted (a token without {@code tid} counts as the default tenant); absent, the
     * default, accepts every tenant the issuer vouches for.
     */
    Optional<List<UUID>> allowedTenants();
}

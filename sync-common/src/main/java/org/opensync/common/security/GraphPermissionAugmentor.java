package org.opensync.common.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Turns the permissions in an access token into roles, the way Graph reads them: application permissions from the
 * {@code roles} array, delegated permissions space-separated from {@code scp}, and nothing else. Roles Quarkus
 * derived on its own (the {@code groups} claim, Keycloak's {@code realm_access}) are dropped; a group grants
 * permissions only through {@link SecurityConfig#groupPermissions()}. The token's audience was checked before
 * (quarkus.oidc.token.audience), so an {@code scp} issued for another API never gets here. Implied permissions are
 * added so resources can require the least privileged permission only.
 */
@ApplicationScoped
public class GraphPermissionAugmentor implements SecurityIdentityAugmentor {
    private final SecurityConfig config;

    @Inject
    public GraphPermissionAugmentor(SecurityConfig config) {
        this.config = config;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return Uni.createFrom().item(identity);
        }
        try {
            UUID tenant = TokenTenant.of(token).orElse(config.defaultTenant());
            if (config.allowedTenants().isPresent() && !config.allowedTenants().get().contains(tenant)) {
                throw new AuthenticationFailedException("the token's tenant is not one this installation serves");
            }
        } catch (AuthenticationFailedException e) {
            return Uni.createFrom().failure(e);
        }
        Set<String> granted = new HashSet<>();
        if (token.getClaim("roles") instanceof Collection<?> values) {
            values.forEach(value -> granted.add(Claims.text(value)));
        }
        Object scopes = token.getClaim("scp");
        if (scopes != null) {
            granted.addAll(Arrays.asList(Claims.text(scopes).trim().split("\\s+")));
        }
        if (token.getClaim("groups") instanceof Collection<?> groups) {
            groups.forEach(group -> granted.addAll(config.groupPermissions()
                    .getOrDefault(Claims.text(group), List.of())));
        }
        QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder()
                .setPrincipal(identity.getPrincipal())
                .addCredentials(identity.getCredentials())
                .addAttributes(identity.getAttributes())
                .addPermissionChecker(identity::checkPermission)
                .addRoles(GraphPermissions.withImplied(granted));
        return Uni.createFrom().item(builder.build());
    }
}

package org.opensync.common.security;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Turns the permissions in an access token into roles, the way Entra issues them: application permissions in the
 * {@code roles} array, delegated permissions space-separated in {@code scp}. Roles Quarkus already mapped (the
 * {@code groups} claim, Keycloak realm roles) are kept. Implied permissions are added so resources can require the
 * least privileged permission only.
 */
@ApplicationScoped
public class GraphPermissionAugmentor implements SecurityIdentityAugmentor {

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous()) {
            return Uni.createFrom().item(identity);
        }
        Set<String> granted = new HashSet<>(identity.getRoles());
        if (identity.getPrincipal() instanceof JsonWebToken token) {
            Object roles = token.getClaim("roles");
            if (roles instanceof Collection<?> values) {
                values.forEach(value -> granted.add(Claims.text(value)));
            }
            Object scopes = token.getClaim("scp");
            if (scopes != null) {
                granted.addAll(Arrays.asList(Claims.text(scopes).trim().split("\\s+")));
            }
        }
        return Uni.createFrom().item(QuarkusSecurityIdentity.builder(identity)
                .addRoles(GraphPermissions.withImplied(granted))
                .build());
    }
}

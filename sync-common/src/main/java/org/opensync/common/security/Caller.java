package org.opensync.common.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.opensync.common.web.ErrorCode;
import org.opensync.common.web.GraphException;

/**
 * Who calls, as Graph authorizes it: the permissions the token grants and, for an application token, the
 * application it was issued to. {@code Application.ReadWrite.OwnedBy} lets an application act on the service
 * principals it owns and on nothing else, so routes on a service principal admit that
 * permission in {@code @RolesAllowed} and then ask {@link #requireOn} with the permission the route needs.
 */
@RequestScoped
public class Caller {
    private final SecurityIdentity identity;
    private final SecurityConfig config;

    @Inject
    public Caller(SecurityIdentity identity, SecurityConfig config) {
        this.identity = identity;
        this.config = config;
    }

    /**
     * The tenant the caller acts in: the token's {@code tid}, or the configured default tenant for tokens without
     * one. Every resource belongs to one tenant; a caller never sees another tenant's (404, so existence does not
     * leak).
     */
    public UUID tenant() {
        if (identity.getPrincipal() instanceof JsonWebToken token) {
            return TokenTenant.of(token).orElse(config.defaultTenant());
        }
        return config.defaultTenant();
    }

    public boolean holds(String permission) {
        return identity.hasRole(permission);
    }

    /**
     * The application an application token was issued to ({@code azp} in v2 tokens, {@code appid} in v1); empty for
     * delegated tokens (they carry {@code scp}), where the caller is a user, not the application.
     */
    public Optional<String> application() {
        if (!(identity.getPrincipal() instanceof JsonWebToken token) || token.getClaim("scp") != null) {
            return Optional.empty();
        }
        Object id = token.getClaim("azp") != null ? token.getClaim("azp") : token.getClaim("appid");
        return Optional.ofNullable(id).map(Claims::text);
    }

    /** True when the caller lacks {@code permission} and may only reach what it owns. */
    public boolean limitedToOwned(String permission) {
        return !holds(permission) && holds(GraphPermissions.APPLICATION_READ_WRITE_OWNED_BY);
    }

    /**
     * Passes when the caller holds {@code permission}, or holds {@code Application.ReadWrite.OwnedBy} and is the
     * application that owns the object; otherwise 403 in the Graph error shape.
     *
     * @param owner the application id owning the object, or null when no application owns it
     */
    public void requireOn(String owner, String permission) {
        requireOn(owner, permission, GraphPermissions.APPLICATION_READ_WRITE_OWNED_BY);
    }

    /**
     * Passes when the caller holds {@code permission}, or holds {@code ownedByPermission} and is the application that
     * owns the object (bulkUpload's {@code SynchronizationData-User.Upload.OwnedBy}); otherwise 403.
     */
    public void requireOn(String owner, String permission, String ownedByPermission) {
        if (holds(permission) || (holds(ownedByPermission) && owner != null
                && application().filter(owner::equalsIgnoreCase).isPresent())) {
            return;
        }
        throw new GraphException(403, ErrorCode.ACCESS_DENIED, "Insufficient privileges to complete the operation.",
                null);
    }
}

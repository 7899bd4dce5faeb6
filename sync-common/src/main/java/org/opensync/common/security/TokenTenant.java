package org.opensync.common.security;

import io.quarkus.security.AuthenticationFailedException;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The tenant a token was issued in: its {@code tid} claim. */
final class TokenTenant {
    private TokenTenant() {
    }

    /**
     * Empty when the token has no {@code tid}.
     *
     * @throws AuthenticationFailedException when {@code tid} is not a GUID: such a token names no tenant at all
     */
    static Optional<UUID> of(JsonWebToken token) {
        Object tid = token.getClaim("tid");
        if (tid == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(Claims.text(tid)));
        } catch (IllegalArgumentException notAGuid) {
            throw new AuthenticationFailedException("the token's tid claim is not a GUID");
        }
    }
}

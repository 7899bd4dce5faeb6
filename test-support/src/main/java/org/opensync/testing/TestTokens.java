package org.opensync.testing;

import io.smallrye.jwt.build.Jwt;
import java.time.Instant;
import java.util.List;

/**
 * Signed access tokens accepted by services configured against {@code OidcWiremockTestResource}: same issuer and
 * signing key as that test identity provider, with Graph permissions in the claims Entra uses.
 */
public final class TestTokens {
    private static final String ISSUER = "https://server.example.com";
    private static final String SIGNING_KEY = "privateKey.jwk";

    private TestTokens() {
    }

    /** An application token carrying these permissions in its {@code roles} claim. */
    public static String application(String... permissions) {
        return Jwt.issuer(ISSUER).subject("test-app").claim("roles", List.of(permissions))
                .jws().keyId("1").sign(SIGNING_KEY);
    }

    /** An application token issued to application {@code appId} ({@code azp}, as in Entra v2 tokens). */
    public static String applicationOf(String appId, String... permissions) {
        return Jwt.issuer(ISSUER).subject(appId).claim("azp", appId).claim("roles", List.of(permissions))
                .jws().keyId("1").sign(SIGNING_KEY);
    }

    /** A delegated (user) token carrying these permissions, space-separated, in its {@code scp} claim. */
    public static String delegated(String... permissions) {
        return Jwt.issuer(ISSUER).subject("alice").preferredUserName("alice").claim("scp", String.join(" ", permissions))
                .jws().keyId("1").sign(SIGNING_KEY);
    }

    public static String expired(String... permissions) {
        return Jwt.issuer(ISSUER).subject("test-app").claim("roles", List.of(permissions))
                .issuedAt(Instant.now().minusSeconds(7200)).expiresAt(Instant.now().minusSeconds(3600))
                .jws().keyId("1").sign(SIGNING_KEY);
    }

    /** Well-formed but signed by a key the service does not trust. */
    public static String forged(String... permissions) {
        return Jwt.issuer(ISSUER).subject("mallory").claim("roles", List.of(permissions))
                .jws().keyId("1").sign(ForgedKey.PRIVATE_KEY);
    }
}

package org.opensync.testing;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Signed access tokens accepted by services configured against {@code OidcWiremockTestResource}: same issuer and
 * signing key as that test identity provider, issued for this API ({@link #AUDIENCE}), with Graph permissions in the
 * claims Entra uses. Tokens without a tenant act in the services' default tenant.
 */
public final class TestTokens {
    /** The audience the services require by default ({@code quarkus.oidc.token.audience}). */
    public static final String AUDIENCE = "api://opensync";
    private static final String ISSUER = "https://server.example.com";
    private static final String SIGNING_KEY = "privateKey.jwk";

    private TestTokens() {
    }

    /** An application token carrying these permissions in its {@code roles} claim. */
    public static String application(String... permissions) {
        return sign(app("test-app", permissions));
    }

    /** An application token of tenant {@code tenantId} ({@code tid}). */
    public static String applicationIn(String tenantId, String... permissions) {
        return sign(app("test-app", permissions).claim("tid", tenantId));
    }

    /** An application token issued to application {@code appId} ({@code azp}, as in Entra v2 tokens). */
    public static String applicationOf(String appId, String... permissions) {
        return sign(app(appId, permissions).claim("azp", appId));
    }

    /** A delegated (user) token carrying these permissions, space-separated, in its {@code scp} claim. */
    public static String delegated(String... permissions) {
        return sign(user(permissions));
    }

    /** A delegated token of tenant {@code tenantId}. */
    public static String delegatedIn(String tenantId, String... permissions) {
        return sign(user(permissions).claim("tid", tenantId));
    }

    /** A delegated token with these permissions, but issued for another API. */
    public static String delegatedForAudience(String audience, String... permissions) {
        return sign(user(permissions).audience(audience));
    }

    /** An application token issued for another API. */
    public static String applicationForAudience(String audience, String... permissions) {
        return sign(app("test-app", permissions).audience(audience));
    }

    /** A token without {@code roles} or {@code scp}, naming Graph permissions as groups only. */
    public static String groupsOnly(String... groups) {
        return sign(Jwt.issuer(ISSUER).audience(AUDIENCE).subject("test-app").groups(Set.of(groups)));
    }

    /** Right key and audience, another issuer. */
    public static String otherIssuer(String... permissions) {
        return sign(Jwt.issuer("https://other.example.com").audience(AUDIENCE).subject("test-app")
                .claim("roles", List.of(permissions)));
    }

    public static String expired(String... permissions) {
        return sign(app("test-app", permissions)
                .issuedAt(Instant.now().minusSeconds(7200)).expiresAt(Instant.now().minusSeconds(3600)));
    }

    /** Well-formed but signed by a key the service does not trust. */
    public static String forged(String... permissions) {
        return Jwt.issuer(ISSUER).audience(AUDIENCE).subject("mallory").claim("roles", List.of(permissions))
                .jws().keyId("1").sign(ForgedKey.PRIVATE_KEY);
    }

    private static JwtClaimsBuilder app(String subject, String... permissions) {
        return Jwt.issuer(ISSUER).audience(AUDIENCE).subject(subject).claim("roles", List.of(permissions));
    }

    private static JwtClaimsBuilder user(String... permissions) {
        return Jwt.issuer(ISSUER).audience(AUDIENCE).subject("alice").preferredUserName("alice")
                .claim("scp", String.join(" ", permissions));
    }

    private static String sign(JwtClaimsBuilder claims) {
        return claims.jws().keyId("1").sign(SIGNING_KEY);
    }
}

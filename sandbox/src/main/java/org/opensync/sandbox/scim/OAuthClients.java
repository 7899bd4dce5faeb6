package org.opensync.sandbox.scim;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The OAuth 2.0 grants that many SaaS SCIM endpoints use instead of a long-lived bearer token: registered clients trade
 * their id and secret (client credentials, RFC 6749 §4.4), an authorization code the test registered (§4.1) or a
 * refresh token issued with one (§6) at {@code POST /oauth2/token} for an access token that the SCIM API then
 * accepts until it expires. Off until a client is registered. With {@link #rotateRefreshTokens} each refresh grant
 * answers a new refresh token and ends the one it used, as many authorization servers do.
 */
public final class OAuthClients {
    /** Bounds the tokens kept: a client that asks for more than this many pushes its oldest out. */
    static final int MAX_TOKENS = 1_000;

    private final Map<String, String> secrets = new ConcurrentHashMap<>();
    private final Map<String, Instant> tokens = new ConcurrentHashMap<>();
    /** Authorization code → the client and redirect URI it was issued for; each is good for one exchange. */
    private final Map<String, Authorization> codes = new ConcurrentHashMap<>();
    /** Refresh token → the client it belongs to. */
    private final Map<String, String> refreshTokens = new ConcurrentHashMap<>();
    private volatile boolean rotate;
    private final AtomicLong issued = new AtomicLong();
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;
    private volatile Duration lifetime = Duration.ofHours(1);

    OAuthClients(Clock clock) {
        this.clock = clock;
    }

    /** Lets {@code clientId} obtain tokens with {@code clientSecret}; each lives for {@code tokenLifetime}. */
    public void register(String clientId, String clientSecret, Duration tokenLifetime) {
        secrets.put(clientId, clientSecret);
        lifetime = tokenLifetime;
    }

    /** An access token, and the refresh token that comes with it from the code and refresh grants (else null). */
    record Grant(String accessToken, String refreshToken) {
    }

    private record Authorization(String clientId, String redirectUri) {
    }

    /** Lets {@code clientId} exchange {@code code} once, sent with {@code redirectUri}, as after a user's consent. */
    public void registerCode(String code, String clientId, String redirectUri) {
        bound(codes);
        codes.put(code, new Authorization(clientId, redirectUri));
    }

    /** Whether refresh grants answer a new refresh token and end the one they used. */
    public void rotateRefreshTokens(boolean enabled) {
        rotate = enabled;
    }

    /** Whether {@code refreshToken} is one issued here and still good. */
    public boolean refreshTokenValid(String refreshToken) {
        return refreshToken != null && refreshTokens.containsKey(refreshToken);
    }

    /** Tokens issued so far (a client that caches its token asks rarely). */
    public long issued() {
        return issued.get();
    }

    /** Ends every issued token at once, as an authorisation server that rotated its keys would. */
    public void revokeAll() {
        tokens.clear();
    }

    void clear() {
        secrets.clear();
        tokens.clear();
        codes.clear();
        refreshTokens.clear();
        rotate = false;
        issued.set(0);
    }

    boolean enabled() {
        return !secrets.isEmpty();
    }

    /** A new token, or empty when the id or secret is wrong. */
    Optional<String> issue(String clientId, String clientSecret) {
        return authenticated(clientId, clientSecret) ? Optional.of(newAccessToken()) : Optional.empty();
    }

    /** The authorization-code grant; empty when the client, the code or the redirect URI is wrong. */
    Optional<Grant> exchange(String clientId, String clientSecret, String code, String redirectUri) {
        if (!authenticated(clientId, clientSecret) || code == null) {
            return Optional.empty();
        }
        Authorization authorization = codes.remove(code);
        if (authorization == null || !authorization.clientId().equals(clientId)
                || !authorization.redirectUri().equals(redirectUri)) {
            return Optional.empty();
        }
        return Optional.of(new Grant(newAccessToken(), newRefreshToken(clientId)));
    }

    /** The refresh-token grant; empty when the client or the refresh token is wrong. */
    Optional<Grant> refresh(String clientId, String clientSecret, String refreshToken) {
        if (!authenticated(clientId, clientSecret) || refreshToken == null
                || !clientId.equals(refreshTokens.get(refreshToken))) {
            return Optional.empty();
        }
        if (!rotate) {
            return Optional.of(new Grant(newAccessToken(), null));
        }
        refreshTokens.remove(refreshToken);
        return Optional.of(new Grant(newAccessToken(), newRefreshToken(clientId)));
    }

    boolean authenticated(String clientId, String clientSecret) {
        String expected = clientId == null ? null : secrets.get(clientId);
        return expected != null && expected.equals(clientSecret);
    }

    private String newAccessToken() {
        if (tokens.size() >= MAX_TOKENS) {
            tokens.entrySet().stream().min(Map.Entry.comparingByValue())
                    .ifPresent(oldest -> tokens.remove(oldest.getKey()));
        }
        String token = randomToken();
        tokens.put(token, clock.instant().plus(lifetime));
        issued.incrementAndGet();
        return token;
    }

    private String newRefreshToken(String clientId) {
        bound(refreshTokens);
        String token = randomToken();
        refreshTokens.put(token, clientId);
        return token;
    }

    /** Codes and refresh tokens are kept up to {@link #MAX_TOKENS}; beyond, an arbitrary one goes. */
    private static void bound(Map<String, ?> kept) {
        if (kept.size() >= MAX_TOKENS) {
            kept.keySet().stream().findAny().ifPresent(kept::remove);
        }
    }

    private String randomToken() {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    Duration lifetime() {
        return lifetime;
    }

    /** Whether {@code authorization} is "Bearer &lt;a token issued here and not expired&gt;". */
    boolean accepts(String authorization) {
        if (authorization == null || authorization.length() <= 7
                || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        Instant expires = tokens.get(authorization.substring(7).trim());
        return expires != null && clock.instant().isBefore(expires);
    }
}

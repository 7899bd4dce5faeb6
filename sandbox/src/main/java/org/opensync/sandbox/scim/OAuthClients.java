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
 * The OAuth 2.0 client-credentials grant (RFC 6749 §4.4) that many SaaS SCIM endpoints use instead of a long-lived
 * bearer token: registered clients trade their id and secret at {@code POST /oauth2/token} for an access token that
 * the SCIM API then accepts until it expires. Off until a client is registered.
 */
public final class OAuthClients {
    /** Bounds the tokens kept: a client that asks for more than this many pushes its oldest out. */
    static final int MAX_TOKENS = 1_000;

    private final Map<String, String> secrets = new ConcurrentHashMap<>();
    private final Map<String, Instant> tokens = new ConcurrentHashMap<>();
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
        issued.set(0);
    }

    boolean enabled() {
        return !secrets.isEmpty();
    }

    /** A new token, or empty when the id or secret is wrong. */
    Optional<String> issue(String clientId, String clientSecret) {
        String expected = clientId == null ? null : secrets.get(clientId);
        if (expected == null || !expected.equals(clientSecret)) {
            return Optional.empty();
        }
        if (tokens.size() >= MAX_TOKENS) {
            tokens.entrySet().stream().min(Map.Entry.comparingByValue())
                    .ifPresent(oldest -> tokens.remove(oldest.getKey()));
        }
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        tokens.put(token, clock.instant().plus(lifetime));
        issued.incrementAndGet();
        return Optional.of(token);
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

package org.opensync.common.web;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;

/**
 * Refuses, before routing and in the Graph error shape, requests no route could read: a request target longer than
 * {@link HttpLimits#urlLength()} (414), headers larger than {@link HttpLimits#headerSize()} (431), and a path or
 * query that is not a valid URL — a character RFC 3986 does not allow unencoded (quotes, spaces, {@code | < > \ ^
 * { } [ ]}, non-ASCII), a malformed percent-escape ({@code %zz}), an escape that decodes to invalid UTF-8 or to a
 * control character such as NUL (400); and any method but GET or HEAD on the management endpoints under
 * {@code /q/} (405, where some of Quarkus' handlers would answer with an empty body). Everything behind this (routing, URL normalisation, JAX-RS, database lookups
 * of ids) can rely on a well-formed URL.
 * <p>
 * Quarkus' root handler checks URLs too, before any route, and answers one {@link java.net.URI} cannot parse with an
 * empty 400; the services run with {@code -Dvertx.disableURIValidation=true} (a JVM system property, read when
 * Quarkus starts) so that this stricter check answers instead. Without it such URLs still get a 400, without body.
 */
@ApplicationScoped
public class RequestScreening {
    private static final String UNRESERVED_AND_SUB_DELIMS = "-._~!$&'()*+,;=:@/";
    /** Quarkus serves health, metrics and OpenAPI here; some of its handlers answer other methods with no body. */
    private static final String MANAGEMENT = "/q/";
    private static final Set<HttpMethod> READ_METHODS = Set.of(HttpMethod.GET, HttpMethod.HEAD);

    private final HttpLimits limits;

    @Inject
    public RequestScreening(HttpLimits limits) {
        this.limits = limits;
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 5).handler(this::screen);
    }

    private void screen(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        if (request.uri().length() > limits.urlLength()) {
            VertxGraphErrors.write(ctx, 414, ErrorCode.INVALID_REQUEST, "The request URL is longer than "
                    + limits.urlLength() + " characters, the limit of this service.");
            return;
        }
        if (headerSize(request) > limits.headerSize().asLongValue()) {
            VertxGraphErrors.write(ctx, 431, ErrorCode.INVALID_REQUEST, "The request headers are larger than "
                    + limits.headerSize().asLongValue() + " bytes, the limit of this service.");
            return;
        }
        String problem = problem("path", request.path(), false);
        if (problem == null && request.query() != null) {
            problem = problem("query", request.query(), true);
        }
        if (problem != null) {
            VertxGraphErrors.write(ctx, 400, ErrorCode.INVALID_REQUEST, "The request URL is malformed: its "
                    + problem + ".");
            return;
        }
        if (request.path().startsWith(MANAGEMENT) && !READ_METHODS.contains(request.method())) {
            ctx.response().putHeader("Allow", "GET, HEAD");
            VertxGraphErrors.write(ctx, 405, ErrorCode.METHOD_NOT_ALLOWED, "The management endpoints under "
                    + MANAGEMENT + " (health, metrics, OpenAPI) are only read, with GET or HEAD.");
            return;
        }
        ctx.next();
    }

    private static long headerSize(HttpServerRequest request) {
        long size = 0;
        for (Map.Entry<String, String> header : request.headers()) {
            size += header.getKey().length() + header.getValue().length() + 4;
        }
        return size;
    }

    /** What is wrong with a raw path or query, or null when it is a valid URL part. */
    static String problem(String part, String raw, boolean query) {
        if (raw == null || (!query && !raw.startsWith("/"))) {
            return part + " does not start with '/'";
        }
        ByteBuffer decoded = ByteBuffer.allocate(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                int value = i + 2 < raw.length() ? hex(raw.charAt(i + 1), raw.charAt(i + 2)) : -1;
                if (value < 0) {
                    return part + " has a '%' not followed by two hexadecimal digits";
                }
                decoded.put((byte) value);
                i += 2;
            } else if (allowed(c, query)) {
                decoded.put((byte) c);
            } else {
                return part + " contains the character '" + (isPrintable(String.valueOf(c)) ? c : "?")
                        + "' (U+" + String.format("%04X", (int) c) + "), which must be percent-encoded";
            }
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(decoded.flip()).toString();
        } catch (CharacterCodingException e) {
            return part + " decodes to bytes that are not UTF-8";
        }
        if (!isPrintable(text)) {
            return part + " decodes to a control character";
        }
        return null;
    }

    /** No control characters (C0, DEL), which no id, option or header value of this API contains. */
    static boolean isPrintable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7F) {
                return false;
            }
        }
        return true;
    }

    private static boolean allowed(char c, boolean query) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || UNRESERVED_AND_SUB_DELIMS.indexOf(c) >= 0 || (query && c == '?');
    }

    private static int hex(char high, char low) {
        int h = Character.digit(high, 16);
        int l = Character.digit(low, 16);
        return h < 0 || l < 0 ? -1 : h * 16 + l;
    }
}

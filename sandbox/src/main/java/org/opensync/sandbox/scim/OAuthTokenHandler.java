package org.opensync.sandbox.scim;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /oauth2/token}: the client-credentials, authorization-code and refresh-token grants, with the client's
 * id and secret in the form body or as HTTP Basic credentials (both are allowed by RFC 6749 §2.3.1). Errors are the
 * RFC's JSON errors: a wrong client is {@code invalid_client} (401), a wrong code or refresh token
 * {@code invalid_grant} (400).
 */
final class OAuthTokenHandler implements HttpHandler {
    static final String PATH = "/oauth2/token";
    private static final int MAX_BODY = 8 * 1024;

    private final OAuthClients clients;

    OAuthTokenHandler(OAuthClients clients) {
        this.clients = clients;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        ScimResponse response;
        if (!clients.enabled()) {
            response = error(404, "not_found");
        } else if (!exchange.getRequestMethod().equalsIgnoreCase("POST")) {
            response = error(405, "invalid_request");
        } else {
            response = token(exchange);
        }
        response.send(exchange);
    }

    private ScimResponse token(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readNBytes(MAX_BODY + 1);
        }
        if (body.length > MAX_BODY) {
            return error(400, "invalid_request");
        }
        Map<String, String> form = form(new String(body, StandardCharsets.UTF_8));
        String[] basic = basic(exchange.getRequestHeaders().getFirst("Authorization"));
        String clientId = basic != null ? basic[0] : form.get("client_id");
        String clientSecret = basic != null ? basic[1] : form.get("client_secret");
        String grantType = String.valueOf(form.get("grant_type"));
        Optional<OAuthClients.Grant> grant = switch (grantType) {
            case "client_credentials" -> clients.issue(clientId, clientSecret)
                    .map(token -> new OAuthClients.Grant(token, null));
            case "authorization_code" -> clients.exchange(clientId, clientSecret, form.get("code"),
                    form.get("redirect_uri"));
            case "refresh_token" -> clients.refresh(clientId, clientSecret, form.get("refresh_token"));
            default -> null;
        };
        if (grant == null) {
            return error(400, "unsupported_grant_type");
        }
        if (grant.isEmpty()) {
            return clients.authenticated(clientId, clientSecret) ? error(400, "invalid_grant")
                    : error(401, "invalid_client");
        }
        ObjectNode answer = ScimJson.NODES.objectNode().put("access_token", grant.get().accessToken())
                .put("token_type", "Bearer").put("expires_in", clients.lifetime().toSeconds());
        if (grant.get().refreshToken() != null) {
            answer.put("refresh_token", grant.get().refreshToken());
        }
        return new ScimResponse(200, ScimJson.bytes(answer), "application/json", Map.of("Cache-Control", "no-store"));
    }

    private static ScimResponse error(int status, String code) {
        return new ScimResponse(status, ScimJson.bytes(ScimJson.NODES.objectNode().put("error", code)),
                "application/json", Map.of());
    }

    private static Map<String, String> form(String body) {
        Map<String, String> values = new HashMap<>();
        for (String pair : body.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                values.put(decode(pair.substring(0, equals)), decode(pair.substring(equals + 1)));
            }
        }
        return values;
    }

    private static String[] basic(String header) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? null : new String[]{decode(decoded.substring(0, colon)),
                    decode(decoded.substring(colon + 1))};
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String decode(String value) {
        try {
            return URLDecoder.decode(value, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return value;
        }
    }
}

package org.opensync.sandbox.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A plain HTTP client for the tests: real requests over the socket, no SCIM library in between. */
final class ScimTestClient {

    static final ObjectMapper MAPPER = new ObjectMapper();

    record Response(int status, String contentType, HttpResponse<String> raw) {

        JsonNode json() {
            try {
                return MAPPER.readTree(raw.body());
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + raw.body(), e);
            }
        }

        String body() {
            return raw.body();
        }

        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();
    private final String root;
    private final String token;

    ScimTestClient(String root, String token) {
        this.root = root;
        this.token = token;
    }

    static ScimTestClient forServer(ScimServer server) {
        return new ScimTestClient(server.baseUrl(), server.config().bearerToken());
    }

    ScimTestClient withToken(String newToken) {
        return new ScimTestClient(root, newToken);
    }

    Response get(String path) {
        return send("GET", path, null);
    }

    Response post(String path, String json) {
        return send("POST", path, json);
    }

    Response put(String path, String json) {
        return send("PUT", path, json);
    }

    Response patch(String path, String json) {
        return send("PATCH", path, json);
    }

    Response delete(String path) {
        return send("DELETE", path, null);
    }

    /** GET with the filter URL-encoded the way Entra does it ("+" for spaces). */
    Response filter(String endpoint, String filter) {
        return get(endpoint + "?filter=" + URLEncoder.encode(filter, StandardCharsets.UTF_8));
    }

    Response send(String method, String path, String json) {
        try {
            return sendOrThrow(method, path, json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Response sendOrThrow(String method, String path, String json) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(root + path)).timeout(Duration.ofSeconds(5));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (json != null) {
            request.header("Content-Type", "application/scim+json");
        }
        request.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json));
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
                    response);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    /** A user body the way Entra's POST looks. */
    static String entraUser(String userName, String externalId) {
        return """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User",
                                        "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
                  "externalId":"%s","userName":"%s","active":true,
                  "emails":[{"primary":true,"type":"work","value":"%s@testuser.com"}],
                  "meta":{"resourceType":"User"},
                  "name":{"formatted":"Given Family","familyName":"Family","givenName":"Given"},
                  "roles":[]}
                """.formatted(externalId, userName, userName);
    }

    static String entraGroup(String displayName, String externalId) {
        return """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group",
                                        "http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group"],
                  "externalId":"%s","displayName":"%s","meta":{"resourceType":"Group"}}
                """.formatted(externalId, displayName);
    }

    static String patchOp(String operationsJson) {
        return "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":[" + operationsJson
                + "]}";
    }
}

package org.opensync.jobapi.schema;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opensync.common.web.ErrorCode;
import org.opensync.common.web.GraphException;
import org.opensync.common.web.RelayHeaders;
import org.opensync.connectors.net.TraceHeaders;
import org.opensync.jobapi.config.JobApiConfig;

/**
 * Sends a request on to schema-service as it came, with the caller's token, and returns the answer as it is. The
 * root URL the client called goes along with the relay key, so that schema-service builds {@code @odata.context}
 * on job-api's address rather than its own.
 */
@ApplicationScoped
public class SchemaServiceClient {
    /** Request headers that matter to schema-service; hop-by-hop and length headers are the client's business. */
    private static final List<String> FORWARDED = List.of("Authorization", "Content-Type", "Accept",
            "client-request-id", "ConsistencyLevel", "If-Match");

    /** Long enough for a restarting schema-service, short for a client waiting on a tool or a script. */
    private static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;
    private final Optional<String> relayKey;

    @Inject
    public SchemaServiceClient(JobApiConfig config) {
        this.base = config.schemaServiceUrl();
        this.relayKey = config.relayKey().filter(key -> !key.isBlank());
    }

    public record Answer(int status, String contentType, byte[] body) {
    }

    /** @param clientRoot the root the client called: job-api's base URI as the request named it */
    public Answer send(String method, String pathAndQuery, URI clientRoot, HttpHeaders headers, byte[] body) {
        return send(method, pathAndQuery, clientRoot, headers, body, Map.of());
    }

    /**
     * A JSON body job-api made itself (the caller's request may have had none), with the caller's token, written
     * only over the schema version {@code ifMatch} names (schema-service answers 412 when another write came first).
     */
    public Answer sendJson(String method, String pathAndQuery, URI clientRoot, HttpHeaders headers, byte[] body,
                           String ifMatch) {
        return send(method, pathAndQuery, clientRoot, headers, body,
                Map.of("Content-Type", "application/json", "If-Match", ifMatch));
    }

    /** @param own headers job-api sets itself instead of the caller's */
    private Answer send(String method, String pathAndQuery, URI clientRoot, HttpHeaders headers, byte[] body,
                        Map<String, String> own) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(pathAndQuery))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null || body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        relayKey.ifPresent(key -> request.header(RelayHeaders.RELAY_KEY, key)
                .header(RelayHeaders.CLIENT_ROOT, clientRoot.toString()));
        FORWARDED.forEach(name -> {
            String value = own.containsKey(name) ? own.get(name) : headers.getHeaderString(name);
            if (value != null) {
                request.header(name, value);
            }
        });
        TraceHeaders.addTo(request);
        try {
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
                    response.body());
        } catch (IOException e) {
            throw new GraphException(503, ErrorCode.UNAVAILABLE,
                    "The schema service is not reachable; retry shortly.", null).retryAfter(RETRY_AFTER);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GraphException(503, ErrorCode.UNAVAILABLE, "Interrupted while calling the schema service.", null)
                    .retryAfter(RETRY_AFTER);
        }
    }
}

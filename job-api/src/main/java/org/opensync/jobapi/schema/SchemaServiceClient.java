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
import org.opensync.common.web.ErrorCode;
import org.opensync.common.web.GraphException;
import org.opensync.jobapi.config.JobApiConfig;

/** Sends a request on to schema-service as it came, with the caller's token, and returns the answer as it is. */
@ApplicationScoped
public class SchemaServiceClient {
    /** Request headers that matter to schema-service; hop-by-hop and length headers are the client's business. */
    private static final List<String> FORWARDED = List.of("Authorization", "Content-Type", "Accept",
            "client-request-id", "ConsistencyLevel");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;

    @Inject
    public SchemaServiceClient(JobApiConfig config) {
        this.base = config.schemaServiceUrl();
    }

    public record Answer(int status, String contentType, byte[] body) {
    }

    public Answer send(String method, String pathAndQuery, HttpHeaders headers, byte[] body) {
        return send(method, pathAndQuery, headers, body, null);
    }

    /** A JSON body job-api made itself (the caller's request may have had none), with the caller's token. */
    public Answer sendJson(String method, String pathAndQuery, HttpHeaders headers, byte[] body) {
        return send(method, pathAndQuery, headers, body, "application/json");
    }

    private Answer send(String method, String pathAndQuery, HttpHeaders headers, byte[] body, String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(pathAndQuery))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null || body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        FORWARDED.forEach(name -> {
            String value = contentType != null && name.equals("Content-Type") ? contentType
                    : headers.getHeaderString(name);
            if (value != null) {
                request.header(name, value);
            }
        });
        try {
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
                    response.body());
        } catch (IOException e) {
            throw new GraphException(503, ErrorCode.UNAVAILABLE,
                    "The schema service is not reachable; retry shortly.", null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GraphException(503, ErrorCode.UNAVAILABLE, "Interrupted while calling the schema service.", null);
        }
    }
}

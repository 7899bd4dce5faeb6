package org.opensync.jobapi.ondemand;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.opensync.common.web.ErrorCode;
import org.opensync.common.web.GraphException;
import org.opensync.connectors.net.TraceHeaders;
import org.opensync.jobapi.config.JobApiConfig;

/**
 * Sends provisionOnDemand on to the provisioner, which verifies the caller's token itself, and returns its answer.
 * A provisioner that cannot be reached, answers too late or fails becomes a 503 with Retry-After: the request can
 * simply be made again (an object already provisioned is then a redundant export).
 */
@ApplicationScoped
public class ProvisionerClient {
    /** Request headers that matter to the provisioner; hop-by-hop and length headers are the client's business. */
    private static final List<String> FORWARDED = List.of("Authorization", "Content-Type", "client-request-id");
    /** The answer is one object's run (or a group's list of results): far below this. */
    private static final int MAX_ANSWER_BYTES = 1 << 20;
    private static final Duration RETRY_AFTER = Duration.ofSeconds(10);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;
    private final Duration timeout;

    @Inject
    public ProvisionerClient(JobApiConfig config) {
        this.base = config.provisionerUrl();
        this.timeout = config.onDemand().timeout();
    }

    public record Answer(int status, String contentType, byte[] body) {
    }

    public Answer provisionOnDemand(String jobId, HttpHeaders headers, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve("/internal/jobs/"
                        + URLEncoder.encode(jobId, StandardCharsets.UTF_8) + "/provisionOnDemand"))
                .timeout(timeout)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        FORWARDED.forEach(name -> {
            String value = headers.getHeaderString(name);
            if (value != null) {
                request.header(name, value);
            }
        });
        TraceHeaders.addTo(request); // the provisioner's run and its target requests join the Graph request's trace
        try {
            HttpResponse<InputStream> response = http.send(request.build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            byte[] answer;
            try (InputStream in = response.body()) {
                answer = in.readNBytes(MAX_ANSWER_BYTES + 1);
            }
            if (answer.length > MAX_ANSWER_BYTES || response.statusCode() >= 500) {
                throw unavailable("The provisioner could not complete the request (HTTP " + response.statusCode()
                        + "); retry shortly.");
            }
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
                    answer);
        } catch (IOException e) {
            throw unavailable("The provisioner is not reachable or did not answer in time; retry shortly.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable("Interrupted while calling the provisioner.");
        }
    }

    private static GraphException unavailable(String message) {
        return new GraphException(503, ErrorCode.UNAVAILABLE, message, null).retryAfter(RETRY_AFTER);
    }
}

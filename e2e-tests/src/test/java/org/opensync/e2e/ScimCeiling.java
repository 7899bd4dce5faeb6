package org.opensync.e2e;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The target's own ceiling, measured beside a benchmark: {@code connections} clients post users like the ones the
 * provisioner creates (core and enterprise attributes, a unique userName each) straight to the SCIM application, as
 * fast as it answers. Our rate as a share of this one says how much of the target's capacity the pipeline uses.
 */
final class ScimCeiling {
    private ScimCeiling() {
    }

    /** @return users created per second */
    static double usersPerSecond(String baseUrl, String token, int users, int connections) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        String run = UUID.randomUUID().toString().substring(0, 8);
        AtomicInteger next = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(connections);
        try {
            Instant started = Instant.now();
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < connections; c++) {
                running.add(clients.submit(() -> {
                    for (int i = next.getAndIncrement(); i < users; i = next.getAndIncrement()) {
                        post(http, baseUrl, token, user(run, i));
                    }
                    return null;
                }));
            }
            for (Future<?> client : running) {
                client.get();
            }
            return users * 1000.0 / Math.max(1, Duration.between(started, Instant.now()).toMillis());
        } finally {
            clients.shutdown();
        }
    }

    private static void post(HttpClient http, String baseUrl, String token, String body) throws Exception {
        HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/Users"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/scim+json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("the SCIM app answered " + response.statusCode() + " to a ceiling POST");
        }
    }

    private static String user(String run, int i) {
        String name = "ceiling-" + run + "-" + i;
        return """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User",\
                "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],\
                "userName":"%1$s@example.org","externalId":"%1$s","active":true,"displayName":"Ceiling %2$d",\
                "title":"Engineer","name":{"givenName":"Ceiling","familyName":"User %2$d","formatted":"Ceiling User %2$d"},\
                "emails":[{"type":"work","value":"%1$s@example.org","primary":true}],\
                "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"department":"Benchmark",\
                "employeeNumber":"%2$d"}}""".formatted(name, i);
    }
}

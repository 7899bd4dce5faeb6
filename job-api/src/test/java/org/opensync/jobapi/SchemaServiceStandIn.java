package org.opensync.jobapi;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.opensync.common.web.RelayHeaders;

/**
 * A real HTTP server in place of schema-service (which job-api's tests do not start): it answers every forwarded
 * request with 200 and a small JSON body naming the method, path and relay headers it received, so tests reach and
 * exercise job-api's forwarding of template and schema routes. A job's schema itself ({@code .../jobs/{jobId}/schema})
 * is kept as schema-service keeps it: GET answers the last one PUT, or the built-in scim template's schema (a copy in
 * the test resources), which discover reads and stores. schema-service's own behaviour is tested in its module.
 */
public class SchemaServiceStandIn implements QuarkusTestResourceLifecycleManager {
    private static final Pattern JOB_SCHEMA = Pattern.compile(
            "/(?:beta|v1\\.0)(/servicePrincipals/[^/]+/synchronization/jobs/[^/]+/schema)");
    /** Stored schemas by path below the version, so that /beta and /v1.0 see the same one. */
    private static final Map<String, byte[]> SCHEMAS = new ConcurrentHashMap<>();

    private HttpServer server;

    /** The schema last stored for a job, or null. */
    static byte[] storedSchema(String spId, String jobId) {
        return SCHEMAS.get("/servicePrincipals/" + spId + "/synchronization/jobs/" + jobId + "/schema");
    }

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Matcher schema = JOB_SCHEMA.matcher(exchange.getRequestURI().getPath());
            if (schema.matches() && exchange.getRequestMethod().equals("PUT")) {
                SCHEMAS.put(schema.group(1), body);
                exchange.sendResponseHeaders(204, -1);
                exchange.close();
                return;
            }
            if (schema.matches() && exchange.getRequestMethod().equals("GET")) {
                byte[] stored = SCHEMAS.getOrDefault(schema.group(1), templateSchema());
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, stored.length);
                exchange.getResponseBody().write(stored);
                exchange.close();
                return;
            }
            byte[] answer = ("{\"answeredBy\":\"schema-service stand-in\",\"method\":\"" + exchange.getRequestMethod()
                    + "\",\"path\":\"" + exchange.getRequestURI().getRawPath()
                    + "\",\"clientRoot\":\"" + exchange.getRequestHeaders().getFirst(RelayHeaders.CLIENT_ROOT)
                    + "\",\"relayKey\":\"" + exchange.getRequestHeaders().getFirst(RelayHeaders.RELAY_KEY) + "\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
        return Map.of("sync.job-api.schema-service-url", "http://127.0.0.1:" + server.getAddress().getPort());
    }

    private static byte[] templateSchema() {
        try (InputStream in = SchemaServiceStandIn.class.getResourceAsStream("/scim-job-schema.json")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}

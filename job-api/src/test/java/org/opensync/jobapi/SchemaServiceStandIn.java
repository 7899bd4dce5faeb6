package org.opensync.jobapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.opensync.common.web.RelayHeaders;

/**
 * A real HTTP server in place of schema-service (which job-api's tests do not start): it answers every forwarded
 * request with 200 and a small JSON body naming the method, path and relay headers it received, so tests reach and
 * exercise job-api's forwarding of template and schema routes. A job's schema itself ({@code .../jobs/{jobId}/schema})
 * is kept as schema-service keeps it: GET answers the last one PUT, or the built-in scim template's schema (a copy in
 * the test resources), which discover reads and stores, with a {@code version} that every PUT advances; a PUT with
 * {@code If-Match} naming another version is refused with 412. A test may have other writes happen between a read
 * and the next write ({@link #beforeAnsweringSchemaReads}). schema-service's own behaviour is tested in its module.
 */
public class SchemaServiceStandIn implements QuarkusTestResourceLifecycleManager {
    private static final Pattern JOB_SCHEMA = Pattern.compile(
            "/(?:beta|v1\\.0)(/servicePrincipals/[^/]+/synchronization/jobs/[^/]+/schema)");
    /** Stored schemas by path below the version, so that /beta and /v1.0 see the same one. */
    private static final Map<String, byte[]> SCHEMAS = new ConcurrentHashMap<>();
    private static final Map<String, Integer> VERSIONS = new ConcurrentHashMap<>();
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final AtomicInteger INTERFERING_READS = new AtomicInteger();
    private static volatile Runnable interference = () -> { };
    private static final AtomicInteger FAILING_READS = new AtomicInteger();

    private HttpServer server;
    private ExecutorService handlers;

    /** The schema last stored for a job, or null. */
    static byte[] storedSchema(String spId, String jobId) {
        return SCHEMAS.get("/servicePrincipals/" + spId + "/synchronization/jobs/" + jobId + "/schema");
    }

    /**
     * The next {@code reads} reads of a job schema run {@code write} (which may itself call the stand-in) before they
     * are answered: a write that lands between a reader's read and its own write.
     */
    static void beforeAnsweringSchemaReads(int reads, Runnable write) {
        interference = write;
        INTERFERING_READS.set(reads);
    }

    /** The next {@code reads} reads of a job schema are answered 503, as by a schema-service that is restarting. */
    static void failSchemaReads(int reads) {
        FAILING_READS.set(reads);
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
                String ifMatch = exchange.getRequestHeaders().getFirst("If-Match");
                synchronized (SCHEMAS) {
                    if (ifMatch != null && !ifMatch.equals(version(schema.group(1)))) {
                        exchange.sendResponseHeaders(412, -1);
                        exchange.close();
                        return;
                    }
                    SCHEMAS.put(schema.group(1), body);
                    VERSIONS.merge(schema.group(1), 1, Integer::sum);
                }
                exchange.sendResponseHeaders(204, -1);
                exchange.close();
                return;
            }
            if (schema.matches() && exchange.getRequestMethod().equals("GET")
                    && FAILING_READS.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                exchange.sendResponseHeaders(503, -1);
                exchange.close();
                return;
            }
            if (schema.matches() && exchange.getRequestMethod().equals("GET")) {
                byte[] stored;
                synchronized (SCHEMAS) {
                    ObjectNode document = (ObjectNode) MAPPER.readTree(SCHEMAS.getOrDefault(schema.group(1),
                            templateSchema()));
                    stored = MAPPER.writeValueAsBytes(document.put("version", version(schema.group(1))));
                }
                if (INTERFERING_READS.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                    interference.run();
                }
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
        // an interfering write calls back into the stand-in while a read waits for its answer
        handlers = Executors.newFixedThreadPool(4);
        server.setExecutor(handlers);
        server.start();
        return Map.of("sync.job-api.schema-service-url", "http://127.0.0.1:" + server.getAddress().getPort());
    }

    private static String version(String path) {
        return "v" + VERSIONS.getOrDefault(path, 0);
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
            handlers.shutdownNow();
        }
    }
}

package org.opensync.jobapi;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.opensync.common.web.RelayHeaders;

/**
 * A real HTTP server in place of schema-service (which job-api's tests do not start): it answers every forwarded
 * request with 200 and a small JSON body naming the method, path and relay headers it received, so tests reach and
 * exercise job-api's forwarding of template and schema routes. schema-service's own behaviour is tested in its module.
 */
public class SchemaServiceStandIn implements QuarkusTestResourceLifecycleManager {
    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
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

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}

package org.opensync.jobapi;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A real HTTP server in place of the provisioner (which job-api's tests do not start): it answers provisionOnDemand
 * with a fixed Success, a Graph error for the rule id {@value #REFUSED_RULE} and HTTP 500 for the rule id
 * {@value #FAILING_RULE}, and keeps the last request, so tests see what job-api forwards. The provisioner's own
 * behaviour is tested in its module.
 */
public class ProvisionerStandIn implements QuarkusTestResourceLifecycleManager {
    static final String REFUSED_RULE = "refused-by-the-provisioner";
    static final String FAILING_RULE = "failing-in-the-provisioner";
    static final String ANSWER = "{\"key\":\"{\\\"result\\\":\\\"Success\\\",\\\"details\\\":{}}\",\"value\":\"{}\"}";
    static final AtomicReference<Request> LAST = new AtomicReference<>();

    record Request(String path, String authorization, String body) {
    }

    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            LAST.set(new Request(exchange.getRequestURI().getRawPath(),
                    exchange.getRequestHeaders().getFirst("Authorization"), body));
            int status = body.contains(FAILING_RULE) ? 500 : body.contains(REFUSED_RULE) ? 400 : 200;
            byte[] answer = (status == 400
                    ? "{\"error\":{\"code\":\"invalidRequest\",\"message\":\"The ruleId is not a rule of the job.\"}}"
                    : status == 500 ? "oops" : ANSWER).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
        return Map.of("sync.job-api.provisioner-url", "http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}

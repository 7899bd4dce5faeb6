package org.opensync.connectors.scim;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opensync.connectors.net.EgressPolicy;
import org.opensync.connectors.net.EgressSettings;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
  * How createEach reads BulkResponses the sandbox never gives: a real HTTP server answering canned JSON per
  * "METHOD path".
  */
class ScimBulkAnswersTest {

    private HttpServer target;
    private final Map<String, String> answers = new ConcurrentHashMap<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        target = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        target.createContext("/scim", this::answer);
        target.start();
        answers.put("GET /scim/ServiceProviderConfig",
                "{\"bulk\":{\"supported\":true,\"maxOperations\":100,\"maxPayloadSize\":100000}}");
    }

    @AfterEach
    void stop() {
        target.stop(0);
    }

    @Test
    void aCreatedOperationWithoutItsResourceIsReadFromItsLocationAndAMissingAnswerIsNotResent() {
        answers.put("POST /scim/Bulk", """
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:BulkResponse"],"Operations":[
                  {"method":"POST","bulkId":"b2","status":"409","response":{"status":"409","scimType":"uniqueness",
                   "detail":"taken"}},
                  {"method":"POST","bulkId":"b0","status":"201","location":"%s/Users/u-0"},
                  {"method":"POST","bulkId":"b3","status":"201","response":{"id":"u-3"}},
                  {"method":"POST","bulkId":"b3","status":"201","response":{"id":"u-3b"}},
                  {"method":"POST","bulkId":"b4","status":201,"response":{"id":"u-4","userName":"e"}}
                ]}""".formatted(baseUrl()));
        answers.put("GET /scim/Users/u-0", "{\"id\":\"u-0\",\"userName\":\"a\"}");

        List<BulkResult> results = client().createEach(ScimResourceType.USER, users("a", "b", "c", "d", "e"));

        assertThat(results.get(0).created().json().get("userName").asText()).isEqualTo("a");
        // b1 has no answer and b3 two: either may have been created, so neither is sent again.
        assertThat(results.get(1).failure().errorCode())
                .isEqualTo(ScimErrorCode.SystemForCrossDomainIdentityManagementServiceIncompatible);
        assertThat(results.get(1).failure().transientFailure()).isFalse();
        assertThat(results.get(2).failure().errorCode()).isEqualTo(ScimErrorCode.EntryConflict);
        assertThat(results.get(2).failure().scimType()).contains("uniqueness");
        assertThat(results.get(3).failure().errorCode())
                .isEqualTo(ScimErrorCode.SystemForCrossDomainIdentityManagementServiceIncompatible);
        assertThat(results.get(4).created().id()).isEqualTo("u-4");
        assertThat(requests).containsExactly("GET /scim/ServiceProviderConfig", "POST /scim/Bulk",
                "GET /scim/Users/u-0");
    }

    @Test
    void aServiceProviderConfigThatIsNotOneMeansNoBulk() {
        answers.put("GET /scim/ServiceProviderConfig", "<html>not SCIM</html>");
        answers.put("POST /scim/Users", "{\"id\":\"single\"}");
        ScimClient client = client();

        assertThat(client.bulkSupport()).isEqualTo(BulkSupport.NONE);
        assertThat(client.createEach(ScimResourceType.USER, users("a"))).extracting(r -> r.created().id())
                .containsExactly("single");
        assertThat(requests).containsExactly("GET /scim/ServiceProviderConfig", "POST /scim/Users");

        for (String config : List.of("{\"bulk\":{\"supported\":false,\"maxOperations\":5,\"maxPayloadSize\":5}}",
                "{\"bulk\":{\"supported\":true,\"maxOperations\":0,\"maxPayloadSize\":1000}}",
                "{\"bulk\":{\"supported\":\"true\",\"maxOperations\":5,\"maxPayloadSize\":1000}}",
                "{\"bulk\":{\"supported\":true,\"maxOperations\":5}}", "[]")) {
            answers.put("GET /scim/ServiceProviderConfig", config);
            assertThat(client().bulkSupport()).as(config).isEqualTo(BulkSupport.NONE);
        }
    }

    @Test
    void aMissingServiceProviderConfigMeansNoBulk() {
        answers.remove("GET /scim/ServiceProviderConfig");
        assertThat(client().bulkSupport()).isEqualTo(BulkSupport.NONE);
    }

    private ScimClient client() {
        return new ScimClient(ScimSettings.builder(baseUrl()).secretToken("t").requestsPerSecond(0)
                .backoff(Duration.ofMillis(10), Duration.ofMillis(50)).maxRetries(0)
                .timeouts(Duration.ofSeconds(5), Duration.ofSeconds(5))
                .egress(EgressPolicy.of(EgressSettings.loopbackAllowed())).build());
    }

    private String baseUrl() {
        return "http://127.0.0.1:" + target.getAddress().getPort() + "/scim";
    }

    private void answer(HttpExchange exchange) throws IOException {
        String request = exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath();
        exchange.getRequestBody().readAllBytes();
        requests.add(request);
        String body = answers.get(request);
        int status = body == null ? 404 : request.startsWith("POST /scim/Users") ? 201 : 200;
        byte[] bytes = (body == null ? "{\"status\":\"404\",\"detail\":\"none\"}" : body)
                .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/scim+json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static List<ObjectNode> users(String... userNames) {
        return Arrays.stream(userNames).map(userName -> TargetImageWriter.toResource(
                ScimResourceType.USER, Map.of("userName", userName))).toList();
    }
}

package org.opensync.connectors.scim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opensync.connectors.net.EgressPolicy;
import org.opensync.connectors.net.EgressSettings;

class ResponseTextTest {

    @Test
    void textIsCutAndFreedOfControlAndFormattingCharacters() {
        String body = "line one\r\nFAKE LOG LINE\u0007 \u202Eesrever\u202C" + "x".repeat(2_000);
        String text = ResponseText.forLog(body, "text/plain; charset=utf-8");
        assertThat(text).startsWith("line one  FAKE LOG LINE  esrever").endsWith("…")
                .hasSize(ResponseText.MAX_CHARACTERS + 1).doesNotContain("\r", "\n", "\u0007", "\u202E");
        assertThat(ResponseText.forLog("{\"detail\":\"short\"}", "application/scim+json"))
                .isEqualTo("{\"detail\":\"short\"}");
        assertThat(ResponseText.forLog("\uD83D\uDE00 ok \uD800", null)).isEqualTo("\uD83D\uDE00 ok ?");
        assertThat(ResponseText.forLog(null, null)).isNull();
    }

    @Test
    void anythingThatIsNotTextBecomesAPlaceholder() {
        assertThat(ResponseText.forLog("GIF89a\u0001\u0000", "image/gif"))
                .isEqualTo("[8 characters of image/gif omitted: not text]");
        assertThat(ResponseText.forLog("PK\u0003\u0004\u0000\u0000", null)).isEqualTo("[6 characters omitted: not text]");
        assertThat(ResponseText.forLog("\uFFFD\uFFFDab\uFFFD", "")).isEqualTo("[5 characters omitted: not text]");
    }

    @Test
    void errorsOfARealTargetCarryOnlyTheCleanedText() throws IOException {
        HttpServer target = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        Map<String, byte[]> bodies = Map.of(
                "/binary/Users", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13},
                "/text/Users", ("{\"detail\":\"bad\\r\\nInjected: yes\",\"scimType\":\"invalidValue\",\"pad\":\""
                        + "y".repeat(5_000) + "\"}").getBytes(StandardCharsets.UTF_8));
        target.createContext("/", exchange -> {
            byte[] body = bodies.get(exchange.getRequestURI().getPath());
            exchange.getResponseHeaders().add("Content-Type", exchange.getRequestURI().getPath().startsWith("/binary")
                    ? "image/png" : "application/scim+json");
            exchange.sendResponseHeaders(400, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        target.start();
        try {
            String base = "http://127.0.0.1:" + target.getAddress().getPort();
            assertThatThrownBy(() -> client(base + "/binary").testConnection())
                    .isInstanceOfSatisfying(ScimException.class, e -> {
                        assertThat(e.webResponse()).contains("[8 characters of image/png omitted: not text]");
                        assertThat(e.getMessage()).endsWith("Web Response: [8 characters of image/png omitted: not "
                                + "text].");
                    });
            assertThatThrownBy(() -> client(base + "/text").testConnection())
                    .isInstanceOfSatisfying(ScimException.class, e -> {
                        assertThat(e.webResponse().orElseThrow()).hasSize(ResponseText.MAX_CHARACTERS + 1);
                        assertThat(e.detail()).isEqualTo("bad  Injected: yes");
                        assertThat(e.getMessage()).doesNotContain("\n", "\r").hasSizeLessThan(1_300);
                    });
        } finally {
            target.stop(0);
        }
    }

    private static ScimClient client(String baseAddress) {
        return new ScimClient(ScimSettings.builder(baseAddress).maxRetries(0)
                .egress(EgressPolicy.of(EgressSettings.loopbackAllowed())).build());
    }
}

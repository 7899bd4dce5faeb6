package org.opensync.e2e;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;

/**
 * Keycloak's distribution (unpacked from Maven Central by the e2e-tests build into {@code keycloak.home}) in
 * development mode with the compose realm {@code infra/keycloak/sync-realm.json}, kept in memory so that every run
 * imports the realm afresh. Keycloak 26 needs Java 21 or later: the JVM running the tests if it is one, else
 * {@code KEYCLOAK_JAVA_HOME} (default: the Temurin 25 the development machines have).
 */
final class KeycloakServer implements AutoCloseable {
    static final String REALM = "sync";
    private static final Path REALM_FILE = Path.of("..", "infra", "keycloak", "sync-realm.json");
    private static final Duration STARTUP = Duration.ofMinutes(4);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Process process;
    private final int port;

    private KeycloakServer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Why Keycloak cannot run here, or null when it can. */
    static String missing() {
        Path kc = home().resolve("bin").resolve("kc.sh");
        if (!Files.isExecutable(kc)) {
            return kc.toAbsolutePath() + " is missing (the e2e-tests build unpacks Keycloak in pre-integration-test)";
        }
        if (!Files.isExecutable(javaHome().resolve("bin").resolve("java"))) {
            return "Keycloak needs Java 21 or later: set KEYCLOAK_JAVA_HOME (" + javaHome() + " has no bin/java)";
        }
        return null;
    }

    /**
     * Starts Keycloak on a free port and waits until the realm answers its discovery document.
     *
     * @param environment the realm file's placeholders (its secrets, the console's origin)
     */
    static KeycloakServer start(Map<String, String> environment) throws IOException {
        Path home = home();
        Files.createDirectories(home.resolve("data").resolve("import"));
        Files.copy(REALM_FILE, home.resolve("data").resolve("import").resolve("sync-realm.json"),
                StandardCopyOption.REPLACE_EXISTING);
        Path log = Files.createDirectories(Path.of("target", "it-logs")).resolve("keycloak.log");
        int port = freePort();
        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin").resolve("kc.sh").toString(), "start-dev",
                "--import-realm", "--db=dev-mem", "--http-host=127.0.0.1", "--http-port=" + port,
                "--http-management-port=" + freePort())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        builder.environment().put("JAVA_HOME", javaHome().toString());
        // kc.sh's default; a shared two-core machine runs five services beside it
        builder.environment().put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
        KeycloakServer server = new KeycloakServer(builder.start(), port);
        try {
            Awaitility.await().atMost(STARTUP).pollInterval(Duration.ofMillis(500)).until(() -> {
                if (!server.process.isAlive()) {
                    throw new IllegalStateException("Keycloak exited with " + server.process.exitValue() + ", see "
                            + log);
                }
                return server.answers();
            });
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    /** The issuer: where the browser signs in and the API reads the discovery document. */
    String realmUrl() {
        return "http://127.0.0.1:" + port + "/realms/" + REALM;
    }

    /** An access token of a confidential client (client credentials grant). */
    String clientToken(String clientId, String secret) {
        HttpResponse<String> response = post(realmUrl() + "/protocol/openid-connect/token",
                Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", secret));
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Keycloak refused a token to " + clientId + ": " + response.body());
        }
        try {
            return new ObjectMapper().readTree(response.body()).path("access_token").asText();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static HttpResponse<String> post(String url, Map<String, String> form) {
        return send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(form))).build());
    }

    static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private boolean answers() {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(realmUrl() + "/.well-known/openid-configuration"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static Path home() {
        return Path.of(System.getProperty("keycloak.home", "target/keycloak/keycloak"));
    }

    private static Path javaHome() {
        if (Runtime.version().feature() >= 21) {
            return Path.of(System.getProperty("java.home"));
        }
        return Path.of(System.getenv().getOrDefault("KEYCLOAK_JAVA_HOME", "/usr/lib/jvm/temurin-25-jdk-amd64"));
    }

    @Override
    public void close() {
        // kc.sh forwards SIGTERM to its JVM, and the JVM may already run on its own after a first build step
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package org.opensync.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * No container engine runs here, so docker-compose.yml and the Helm chart cannot be started in tests; this checks
 * they declare every service with the port its configuration listens on, a health check and its dependencies, and
 * that no descriptor ships a default key, password or client secret or publishes a port beyond loopback.
 */
class DeploymentDescriptorsTest {
    private static final Path ROOT = Path.of("..");
    private static final Map<String, Integer> SERVICES = Map.of(
            "job-api", 8081, "scheduler-service", 8082, "change-detector", 8083, "provisioner", 8084,
            "schema-service", 8085);
    /** The sealing keys each service needs (README "Rotating sealing keys"); the others get none. */
    private static final Map<String, List<String>> SEALING_KEYS = Map.of(
            "job-api", List.of("at-rest-key", "transport-key"), "change-detector", List.of("transport-key"),
            "provisioner", List.of("transport-key"));
    /** Environment variables that hold a key, a password or a secret. */
    private static final Pattern SECRET_VARIABLE = Pattern.compile(".*(KEY|KEYS|PASSWORD|SECRET)$");

    @Test
    @SuppressWarnings("unchecked")
    void composeDeclaresInfrastructureAndEveryServiceWithPortHealthAndDependencies() throws IOException {
        Map<String, Object> compose = yaml(ROOT.resolve("docker-compose.yml"));
        Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) compose.get("services");
        assertThat(services).containsKeys("kafka", "postgres", "keycloak");
        assertThat(services.get("kafka").get("healthcheck")).isNotNull();
        assertThat(services.get("postgres").get("healthcheck")).isNotNull();
        assertThat(services.get("keycloak").get("healthcheck")).isNotNull();

        SERVICES.forEach((name, port) -> {
            Map<String, Object> service = services.get(name);
            assertThat(service).as(name).isNotNull();
            assertThat((List<String>) service.get("ports")).as(name + " ports")
                    .contains("127.0.0.1:" + port + ":" + port);
            assertThat(service.get("build")).as(name + " build context").isEqualTo("./" + name);
            assertThat(ROOT.resolve(name).resolve("Dockerfile")).as(name + " Dockerfile").exists();
            Map<String, Object> health = (Map<String, Object>) service.get("healthcheck");
            assertThat(health.get("test").toString()).as(name + " health check")
                    .contains("localhost:" + port + "/q/health/ready");
            assertThat((Map<String, Object>) service.get("depends_on")).as(name + " depends_on")
                    .containsKeys("kafka-topics", "postgres", "keycloak");
            Map<String, Object> environment = (Map<String, Object>) service.get("environment");
            assertThat(environment).containsKeys("KAFKA_BOOTSTRAP_SERVERS", "POSTGRES_URL", "OIDC_AUTH_SERVER_URL");
        });
    }

    @Test
    @SuppressWarnings("unchecked")
    void theConsoleSignInIsTestedAgainstTheKeycloakComposeRuns() throws IOException {
        Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) yaml(
                ROOT.resolve("docker-compose.yml")).get("services");
        var tested = Pattern.compile("<keycloak.version>([^<]+)</keycloak.version>")
                .matcher(Files.readString(ROOT.resolve("e2e-tests/pom.xml")));
        assertThat(tested.find()).isTrue();
        assertThat(services.get("keycloak").get("image")).isEqualTo("quay.io/keycloak/keycloak:" + tested.group(1));
    }

    @Test
    void everyDockerfileExposesThePortItsServiceListensOn() throws IOException {
        for (Map.Entry<String, Integer> service : SERVICES.entrySet()) {
            String dockerfile = Files.readString(ROOT.resolve(service.getKey()).resolve("Dockerfile"));
            String properties = Files.readString(ROOT.resolve(service.getKey())
                    .resolve("src/main/resources/application.properties"));
            assertThat(dockerfile).as(service.getKey()).contains("EXPOSE " + service.getValue())
                    .contains("target/quarkus-app/");
            assertThat(properties).as(service.getKey()).contains("${HTTP_PORT:" + service.getValue() + "}");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void helmValuesDeclareEveryServiceWithItsPort() throws IOException {
        Map<String, Object> values = yaml(ROOT.resolve("k8s/opensync/values.yaml"));
        Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) values.get("services");
        assertThat(services.keySet()).containsExactlyInAnyOrderElementsOf(SERVICES.keySet());
        SERVICES.forEach((name, port) -> assertThat(services.get(name).get("port")).as(name).isEqualTo(port));
        assertThat(ROOT.resolve("k8s/opensync/Chart.yaml")).exists(); // rendered and checked by HelmChartTest
    }

    @Test
    @SuppressWarnings("unchecked")
    void composePublishesPortsOnLoopbackOnlyAndKafkaNotAtAll() throws IOException {
        Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) yaml(
                ROOT.resolve("docker-compose.yml")).get("services");
        services.forEach((name, service) -> assertThat((List<String>) service.getOrDefault("ports", List.of()))
                .as(name + " ports").allSatisfy(port -> assertThat(port).startsWith("127.0.0.1:")));
        assertThat(services.get("kafka")).as("plaintext Kafka stays on the compose network").doesNotContainKey("ports");
    }

    @Test
    @SuppressWarnings("unchecked")
    void composeHasNoDefaultSecretsAndRefusesToStartWithoutThem() throws IOException {
        String text = Files.readString(ROOT.resolve("docker-compose.yml"));
        Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) yaml(
                ROOT.resolve("docker-compose.yml")).get("services");
        services.forEach((name, service) -> ((Map<String, Object>) service.getOrDefault("environment", Map.of()))
                .forEach((variable, value) -> {
                    if (SECRET_VARIABLE.matcher(variable).matches()) {
                        // required, or (keys a rotation retired) empty unless set
                        assertThat(String.valueOf(value)).as(name + " " + variable).matches(
                                variable.contains("PREVIOUS") ? "\\$\\{" + variable + ":-}"
                                        : "\\$\\{[A-Z_]+:\\?run bin/compose-env to create \\.env}");
                    }
                }));
        assertThat(text).doesNotContain("change-me").doesNotContainPattern("[A-Za-z0-9+/]{43}=");

        Map<String, Object> keycloak = (Map<String, Object>) services.get("keycloak").get("environment");
        assertThat(keycloak).containsKeys("KC_BOOTSTRAP_ADMIN_PASSWORD", "SYNC_ADMIN_CLIENT_SECRET",
                "CONSOLE_ADMIN_PASSWORD");
        assertThat(Files.readString(ROOT.resolve("bin/compose-env"))).contains("KEYCLOAK_ADMIN_PASSWORD",
                "SYNC_ADMIN_CLIENT_SECRET", "CONSOLE_ADMIN_PASSWORD", "POSTGRES_PASSWORD", "SYNC_SECRETS_AT_REST_KEY",
                "SYNC_SECRETS_TRANSPORT_KEY");
        assertThat(Files.readAllLines(ROOT.resolve(".gitignore"))).contains(".env", ".infra/");
    }

    @Test
    @SuppressWarnings("unchecked")
    void composeGivesEachServiceOnlyTheSealingKeysItNeeds() throws IOException {
        Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) yaml(
                ROOT.resolve("docker-compose.yml")).get("services");
        SERVICES.keySet().forEach(name -> {
            Map<String, Object> environment = (Map<String, Object>) services.get(name).get("environment");
            List<String> expected = SEALING_KEYS.getOrDefault(name, List.of()).stream()
                    .flatMap(key -> List.of(variable(key), variable("previous-" + key + "s")).stream()).toList();
            assertThat(environment.keySet().stream().filter(variable -> variable.startsWith("SYNC_SECRETS_")))
                    .as(name).containsExactlyInAnyOrderElementsOf(expected);
        });
    }

    @Test
    void theKeycloakRealmReadsClientSecretsAndPasswordsFromTheEnvironment() throws IOException {
        JsonNode realm = new ObjectMapper().readTree(ROOT.resolve("infra/keycloak/sync-realm.json").toFile());
        for (JsonNode client : realm.path("clients")) {
            if (!client.path("publicClient").asBoolean()) {
                assertThat(client.path("secret").asText()).as(client.path("clientId").asText())
                        .matches("\\$\\{[A-Z_]+}");
            }
        }
        for (JsonNode user : realm.path("users")) {
            for (JsonNode credential : user.path("credentials")) {
                assertThat(credential.path("value").asText()).as(user.path("username").asText())
                        .matches("\\$\\{[A-Z_]+}");
            }
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void helmShipsNoSecretsAndRefusesToRenderWithoutThem() throws IOException {
        Map<String, Object> values = yaml(ROOT.resolve("k8s/opensync/values.yaml"));
        Map<String, Object> postgres = (Map<String, Object>) values.get("postgres");
        Map<String, Object> secrets = (Map<String, Object>) values.get("secrets");
        assertThat(postgres.get("password")).isEqualTo("");
        assertThat(secrets).containsOnlyKeys("atRestKey", "transportKey", "relayKey", "previousAtRestKeys",
                "previousTransportKeys", "existingSecret").allSatisfy((key, value) -> assertThat(value).isEqualTo(""));

        String secretTemplate = Files.readString(ROOT.resolve("k8s/opensync/templates/secret.yaml"));
        assertThat(secretTemplate)
                .containsPattern("required \"[^\"]*openssl rand -base64 32[^\"]*\" \\.Values\\.secrets\\.atRestKey")
                .containsPattern("required \"[^\"]*openssl rand -base64 32[^\"]*\" \\.Values\\.secrets\\.transportKey")
                .containsPattern("required \"[^\"]*\" \\.Values\\.postgres\\.password");

        Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) values.get("services");
        SERVICES.keySet().forEach(name -> assertThat(services.get(name).getOrDefault("sealingKeys", List.of()))
                .as(name + " sealingKeys").isEqualTo(SEALING_KEYS.getOrDefault(name, List.of())));
    }

    @Test
    void servicePropertiesHaveNoDefaultKeysOutsideTests() throws IOException {
        for (String service : SERVICES.keySet()) {
            List<String> keys = Files.readAllLines(ROOT.resolve(service)
                            .resolve("src/main/resources/application.properties")).stream()
                    .filter(line -> line.startsWith("sync.secrets.")).toList();
            assertThat(keys).as(service).allSatisfy(line -> assertThat(line)
                    .matches("sync\\.secrets\\.([a-z-]+)=\\$\\{SYNC_SECRETS_[A-Z_]+:}"));
            assertThat(keys.stream().map(line -> line.substring("sync.secrets.".length(), line.indexOf('='))))
                    .as(service).containsExactlyInAnyOrderElementsOf(SEALING_KEYS.getOrDefault(service, List.of())
                            .stream().flatMap(key -> List.of(key, "previous-" + key + "s").stream()).toList());
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void theMonitoringProfileRunsPinnedPrometheusAndGrafanaOnMetricsTheServicesRegister() throws IOException {
        Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) yaml(
                ROOT.resolve("docker-compose.yml")).get("services");
        for (String tool : List.of("prometheus", "grafana")) {
            assertThat(services.get(tool).get("profiles")).as(tool).isEqualTo(List.of("monitoring"));
            assertThat(services.get(tool).get("image").toString()).as(tool + " image pinned")
                    .matches("[a-z/]+:v?\\d+\\.\\d+\\.\\d+");
        }
        String prometheus = Files.readString(ROOT.resolve("ops/prometheus/prometheus.yml"));
        SERVICES.forEach((name, port) -> assertThat(prometheus).contains("\"" + name + ":" + port + "\""));

        // every opensync_ metric the dashboard queries is one a service registers (dotted name, plus suffixes)
        List<String> registered = new java.util.ArrayList<>();
        try (var sources = Files.walk(ROOT)) {
            for (Path source : sources.filter(path -> path.toString().contains("/src/main/java/")
                    && path.toString().endsWith(".java")).toList()) {
                var literal = Pattern.compile("\"(opensync\\.[a-z.]+)\"").matcher(Files.readString(source));
                while (literal.find()) {
                    registered.add(literal.group(1).replace('.', '_'));
                }
            }
        }
        JsonNode dashboard = new ObjectMapper().readTree(ROOT.resolve("ops/grafana/dashboards/opensync.json").toFile());
        var queried = Pattern.compile("opensync_[a-z_]+").matcher(dashboard.toString());
        int count = 0;
        while (queried.find()) {
            String metric = queried.group();
            assertThat(registered).as(metric).anySatisfy(name -> assertThat(metric)
                    .matches(Pattern.quote(name) + "(_total|_seconds|_seconds_count|_seconds_sum|_seconds_max)?"));
            count++;
        }
        assertThat(count).isGreaterThan(10);
    }

    /** The environment variable of a key in the sealing keys secret, e.g. {@code SYNC_SECRETS_AT_REST_KEY}. */
    private static String variable(String key) {
        return "SYNC_SECRETS_" + key.toUpperCase().replace('-', '_');
    }

    private static Map<String, Object> yaml(Path file) throws IOException {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        return new Yaml(options).load(Files.readString(file));
    }
}

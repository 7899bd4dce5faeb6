package org.opensync.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * No container engine runs here, so docker-compose.yml and the Helm chart cannot be started in tests; this checks
 * they declare every service with the port its configuration listens on, a health check and its dependencies.
 */
class DeploymentDescriptorsTest {
    private static final Path ROOT = Path.of("..");
    private static final Map<String, Integer> SERVICES = Map.of(
            "job-api", 8081, "scheduler-service", 8082, "change-detector", 8083, "provisioner", 8084,
            "schema-service", 8085);

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
            assertThat((List<String>) service.get("ports")).as(name + " ports").contains(port + ":" + port);
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
        assertThat(ROOT.resolve("k8s/opensync/Chart.yaml")).exists();
        assertThat(Files.readString(ROOT.resolve("k8s/opensync/templates/services.yaml")))
                .contains("/q/health/ready", "/q/health/live", "/q/metrics");
    }

    private static Map<String, Object> yaml(Path file) throws IOException {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        return new Yaml(options).load(Files.readString(file));
    }
}

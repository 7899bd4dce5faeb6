package org.opensync.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * Lints and renders k8s/opensync with Helm's own code (helm-java) for the default values and for production-like
 * ones, and checks the rendered objects: every service with the image and port of its Dockerfile and compose entry,
 * its health probes, resources and disruption budget, secrets referenced and never inlined, and the topics compose
 * creates.
 */
class HelmChartTest {
    private static final Path ROOT = Path.of("..");
    private static final Path CHART = ROOT.resolve("k8s/opensync");
    private static final Path PRODUCTION = Path.of("src/test/resources/helm/production-values.yaml");
    private static final Map<String, Integer> SERVICES = Map.of(
            "job-api", 8081, "scheduler-service", 8082, "change-detector", 8083, "provisioner", 8084,
            "schema-service", 8085);
    /** Values that stand out in the rendered text, to prove they only appear inside Secrets. */
    private static final Map<String, String> SECRET_VALUES = Map.of(
            "postgres.password", "pg-password-4f1d", "secrets.atRestKey", "at-rest-key-77ab",
            "secrets.transportKey", "transport-key-93c2", "secrets.relayKey", "relay-key-1e5a");

    @Test
    void lintsStrictlyWithDefaultAndProductionValues(@TempDir Path work) throws IOException {
        // helm lint reads the chart's own values.yaml, which has no password or key (rendering requires them): lint
        // copies of the chart whose values.yaml is the default one with the overrides merged in
        Map<String, Object> secretValues = new LinkedHashMap<>();
        SECRET_VALUES.forEach((path, value) -> secretValues.putAll(nested(path, value)));
        for (Map.Entry<String, Map<String, Object>> values : Map.of("default values", secretValues,
                "production values", yaml(PRODUCTION)).entrySet()) {
            LintResult lint = new Helm(chartWith(values.getValue(), work.resolve(values.getKey().replace(' ', '-'))))
                    .lint().strict().call();
            assertThat(lint.getMessages()).as(values.getKey()).noneMatch(message -> message.contains("[ERROR]")
                    || message.contains("[WARNING]"));
            assertThat(lint.isFailed()).as(values.getKey() + ": " + lint.getMessages()).isFalse();
        }
    }

    @Test
    void defaultValuesRenderEveryServiceWithImagePortProbesAndResourcesOfItsDockerfile(@TempDir Path work)
            throws IOException {
        // helm-java's template returns the manifest without the hooks: render a copy whose topics Job is no hook
        Path chart = chartWith(Map.of(), work);
        Path topics = chart.resolve("templates/topics.yaml");
        assertThat(Files.readString(topics)).as("topics exist before the services start")
                .contains("helm.sh/hook: pre-install,pre-upgrade");
        Files.writeString(topics, Files.readString(topics).replaceAll("(?m)^\\s*helm\\.sh/hook.*\\n", ""));
        List<Map<String, Object>> objects = render(withSecretValues(new Helm(chart).template().withName("opensync")));
        for (Map.Entry<String, Integer> service : SERVICES.entrySet()) {
            String name = service.getKey();
            int port = service.getValue();
            Map<String, Object> container = container(find(objects, "Deployment", "opensync-" + name));
            assertThat(container.get("image")).as(name).isEqualTo("ghcr.io/opensync/" + name + ":0.1.0-SNAPSHOT");
            assertThat(dockerfileExposes(name)).as(name + " Dockerfile EXPOSE").isEqualTo(port);
            assertThat(composePublishes(name)).as(name + " compose port").isEqualTo(port);
            assertThat(get(container, "ports", 0, "containerPort")).as(name).isEqualTo(port);
            assertThat(env(container).get("HTTP_PORT")).as(name).isEqualTo(Map.of("name", "HTTP_PORT",
                    "value", String.valueOf(port)));
            assertThat(get(container, "readinessProbe", "httpGet", "path")).isEqualTo("/q/health/ready");
            assertThat(get(container, "livenessProbe", "httpGet", "path")).isEqualTo("/q/health/live");
            assertThat(get(container, "startupProbe", "httpGet", "path")).isEqualTo("/q/health/started");
            assertThat(get(container, "resources", "requests", "memory")).as(name).isEqualTo("256Mi");
            assertThat(get(container, "resources", "limits", "memory")).as(name).isEqualTo("384Mi");

            Map<String, Object> svc = find(objects, "Service", "opensync-" + name);
            assertThat(get(svc, "spec", "ports", 0, "port")).as(name).isEqualTo(port);
            Map<String, Object> budget = find(objects, "PodDisruptionBudget", "opensync-" + name);
            assertThat(get(budget, "spec", "selector", "matchLabels"))
                    .isEqualTo(get(svc, "spec", "selector"));
        }
        assertThat(kinds(objects, "Ingress")).isEmpty();
        assertThat(kinds(objects, "HorizontalPodAutoscaler")).isEmpty();
        assertThat(kinds(objects, "ServiceMonitor")).isEmpty();

        String script = String.valueOf(get(find(objects, "Job", "opensync-topics"), "spec", "template", "spec",
                "containers", 0, "args", 0));
        for (String topic : composeTopics()) {
            assertThat(script).as("topics Job").contains("--topic " + topic + " ");
        }
        assertThat(script).contains("--topic sync.secrets --partitions 3 --replication-factor 1 --config "
                + "cleanup.policy=compact");
    }

    @Test
    void secretValuesAppearOnlyInSecretsAndReachContainersByReference() throws IOException {
        List<Map<String, Object>> objects = render(withSecretValues(template()));
        for (Map<String, Object> object : objects) {
            String text = new Yaml().dump(object);
            if (!"Secret".equals(object.get("kind"))) {
                SECRET_VALUES.forEach((value, secret) -> assertThat(text).as(object.get("kind") + " " + value)
                        .doesNotContain(secret));
            }
        }
        for (Map<String, Object> deployment : kinds(objects, "Deployment")) {
            env(container(deployment)).forEach((variable, entry) -> {
                if (variable.matches(".*(KEY|KEYS|PASSWORD|SECRET)$")) {
                    assertThat(entry).as(variable).doesNotContainKey("value").containsKey("valueFrom");
                }
            });
        }
        assertThat(get(find(objects, "Secret", "opensync-secret-keys"), "stringData", "transport-key"))
                .isEqualTo(SECRET_VALUES.get("secrets.transportKey"));
    }

    @Test
    void renderingFailsWithoutPasswordOrKeysAndSaysHowToCreateThem() {
        assertThatThrownBy(() -> template().set("postgres.password", "x").call())
                .hasMessageContaining("openssl rand -base64 32");
        assertThatThrownBy(() -> template().set("secrets.atRestKey", "a").set("secrets.transportKey", "t").call())
                .hasMessageContaining("postgres.existingSecret");
    }

    @Test
    void productionValuesUseExistingSecretsIngressAutoscalingServiceMonitorAndStrimziTopics() throws IOException {
        List<Map<String, Object>> objects = render(template().withValuesFile(PRODUCTION));
        assertThat(kinds(objects, "Secret")).as("secrets come from existingSecret").isEmpty();
        for (String name : SERVICES.keySet()) {
            Map<String, Object> deployment = find(objects, "Deployment", "opensync-" + name);
            Map<String, Object> container = container(deployment);
            assertThat(container.get("image")).isEqualTo("registry.example.org/identity/" + name + ":1.4.2");
            assertThat(get(env(container).get("POSTGRES_PASSWORD"), "valueFrom", "secretKeyRef", "name"))
                    .isEqualTo("opensync-postgres");
            env(container).values().stream()
                    .filter(entry -> entry.containsKey("valueFrom") && entry.get("name").toString()
                            .startsWith("SYNC_"))
                    .forEach(entry -> assertThat(get(entry, "valueFrom", "secretKeyRef", "name"))
                            .isEqualTo("opensync-sealing-keys"));
            boolean scaled = name.equals("provisioner") || name.equals("change-detector");
            assertThat(((Map<?, ?>) get(deployment, "spec")).containsKey("replicas")).as(name + " replicas left to the HPA")
                    .isEqualTo(!scaled);
        }
        assertThat(get(find(objects, "HorizontalPodAutoscaler", "opensync-provisioner"), "spec", "minReplicas"))
                .isEqualTo(3);
        assertThat(kinds(objects, "HorizontalPodAutoscaler")).hasSize(2);
        assertThat(get(container(find(objects, "Deployment", "opensync-provisioner")), "resources", "limits",
                "memory")).isEqualTo("768Mi");

        Map<String, Object> ingress = find(objects, "Ingress", "opensync-job-api");
        assertThat(get(ingress, "spec", "rules", 0, "host")).isEqualTo("identity.example.org");
        assertThat(get(ingress, "spec", "rules", 0, "http", "paths", 0, "backend", "service", "name"))
                .isEqualTo("opensync-job-api");
        assertThat(get(ingress, "spec", "tls", 0, "secretName")).isEqualTo("identity-tls");
        assertThat(get(find(objects, "ServiceMonitor", "opensync"), "spec", "endpoints", 0, "path"))
                .isEqualTo("/q/metrics");

        assertThat(kinds(objects, "Job")).as("Strimzi creates the topics").isEmpty();
        assertThat(kinds(objects, "KafkaTopic").stream().map(topic -> get(topic, "spec", "topicName")))
                .containsExactlyInAnyOrderElementsOf(composeTopics());
        assertThat(get(find(objects, "KafkaTopic", "sync-schemas"), "spec", "config", "cleanup.policy"))
                .isEqualTo("compact");
    }

    private static TemplateCommand template() {
        return new Helm(CHART).template().withName("opensync");
    }

    private static TemplateCommand withSecretValues(TemplateCommand template) {
        SECRET_VALUES.forEach(template::set);
        return template;
    }

    /** A copy of the chart in {@code directory} whose values.yaml is the chart's with {@code overrides} merged in. */
    private static Path chartWith(Map<String, Object> overrides, Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(CHART)) {
            for (Path file : files.toList()) {
                Path copy = directory.resolve(CHART.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(file, copy);
                }
            }
        }
        Map<String, Object> values = merge(yaml(CHART.resolve("values.yaml")), overrides);
        Files.writeString(directory.resolve("values.yaml"), new Yaml().dump(values));
        return directory;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> merge(Map<String, Object> base, Map<String, Object> overrides) {
        Map<String, Object> merged = new LinkedHashMap<>(base);
        overrides.forEach((key, value) -> merged.put(key, value instanceof Map<?, ?> map
                && merged.get(key) instanceof Map<?, ?> current
                ? merge((Map<String, Object>) current, (Map<String, Object>) map) : value));
        return merged;
    }

    /** {@code a.b} and a value as {@code {a: {b: value}}}. */
    private static Map<String, Object> nested(String path, Object value) {
        int dot = path.indexOf('.');
        return dot < 0 ? Map.of(path, value) : Map.of(path.substring(0, dot), nested(path.substring(dot + 1), value));
    }

    private static Map<String, Object> yaml(Path file) throws IOException {
        return new Yaml().load(Files.readString(file));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> render(TemplateCommand command) {
        return StreamSupport.stream(new Yaml().loadAll(command.call()).spliterator(), false)
                .filter(Objects::nonNull).map(object -> (Map<String, Object>) object).toList();
    }

    private static List<Map<String, Object>> kinds(List<Map<String, Object>> objects, String kind) {
        return objects.stream().filter(object -> kind.equals(object.get("kind"))).toList();
    }

    private static Map<String, Object> find(List<Map<String, Object>> objects, String kind, String name) {
        return kinds(objects, kind).stream().filter(object -> name.equals(get(object, "metadata", "name")))
                .findFirst().orElseThrow(() -> new AssertionError("no " + kind + " " + name));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> container(Map<String, Object> deployment) {
        return (Map<String, Object>) get(deployment, "spec", "template", "spec", "containers", 0);
    }

    /** The container's environment by variable name. */
    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> env(Map<String, Object> container) {
        Map<String, Map<String, Object>> byName = new java.util.LinkedHashMap<>();
        ((List<Map<String, Object>>) container.get("env")).forEach(entry -> byName.put((String) entry.get("name"),
                entry));
        return byName;
    }

    /** Follows map keys and list indexes. */
    @SuppressWarnings("unchecked")
    private static Object get(Object node, Object... path) {
        Object current = node;
        for (Object step : path) {
            current = step instanceof Integer index ? ((List<Object>) current).get(index)
                    : ((Map<String, Object>) current).get(step);
            if (current == null) {
                throw new AssertionError("nothing at " + List.of(path) + " in " + node);
            }
        }
        return current;
    }

    private static int dockerfileExposes(String service) throws IOException {
        Matcher expose = Pattern.compile("(?m)^EXPOSE (\\d+)$")
                .matcher(Files.readString(ROOT.resolve(service).resolve("Dockerfile")));
        assertThat(expose.find()).as(service + " EXPOSE").isTrue();
        return Integer.parseInt(expose.group(1));
    }

    @SuppressWarnings("unchecked")
    private static int composePublishes(String service) throws IOException {
        Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) new Yaml()
                .<Map<String, Object>>load(Files.readString(ROOT.resolve("docker-compose.yml"))).get("services");
        String published = ((List<String>) services.get(service).get("ports")).get(0);
        return Integer.parseInt(published.substring(published.lastIndexOf(':') + 1));
    }

    /** The topics docker-compose.yml's kafka-topics service creates. */
    private static List<String> composeTopics() throws IOException {
        Matcher topic = Pattern.compile("\\b(sync\\.[a-z-]+)").matcher(Files.readString(
                ROOT.resolve("docker-compose.yml")).split("kafka-topics:", 2)[1].split("\n  postgres:", 2)[0]);
        List<String> topics = new ArrayList<>();
        while (topic.find()) {
            topics.add(topic.group(1));
        }
        return topics.stream().distinct().toList();
    }
}

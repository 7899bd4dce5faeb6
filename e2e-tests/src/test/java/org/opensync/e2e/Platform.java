package org.opensync.e2e;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.smallrye.jwt.build.Jwt;
import java.io.IOException;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupNotEmptyException;
import org.apache.kafka.common.errors.UnknownMemberIdException;
import org.awaitility.Awaitility;
import org.opensync.common.events.Topics;
import org.opensync.common.secrets.SecretBox;
import org.opensync.testing.InfraEndpoints;
import org.opensync.testing.ServiceProcess;
import org.opensync.testing.TestTokens;

/**
 * The five services started from their built jars against the real Kafka and a fresh database each, with tokens
 * verified by a key pair made for the run. {@link #api()} speaks to job-api like a Graph client.
 */
final class Platform implements AutoCloseable {
    /**
     * Generous: a service started beside five busy ones in the middle of a cycle (a restart, a second instance) took
     * over two minutes to come up on a loaded two-core machine.
     */
    private static final Duration STARTUP = Duration.ofMinutes(5);
    private static final String ISSUER = "https://e2e.opensync.test";
    private static final List<String> PERMISSIONS = List.of("Application.ReadWrite.All",
            "Synchronization.ReadWrite.All", "AuditLog.Read.All", "SynchronizationData-User.Upload");

    /** The topics of events, as opposed to the compacted state topics every service reads from the start. */
    private static final List<String> EVENT_TOPICS = List.of(Topics.JOB_COMMANDS, Topics.TICKS, Topics.JOB_EVENTS,
            Topics.OBJECT_CHANGES, Topics.PROVISIONING_LOGS, Topics.INBOUND_RECORDS, Topics.SOURCE_CHANGES,
            Topics.DEAD_LETTER);

    private final KeyPair keys = keyPair();
    private final String transportKey = SecretBox.generateKey();
    private final String atRestKey = SecretBox.generateKey();
    private final Map<String, ServiceProcess> services = new LinkedHashMap<>();
    /** What a provisioner polls of each partition when jobs are spread over all of them (docs/scaling.md). */
    static final String SPREAD_PARTITION_FETCH_BYTES = "131072";

    private final Map<String, Map<String, String>> configuration = new HashMap<>();
    private Map<String, String> extra = Map.of();
    /** The bearer tokens of {@link #api()}: signed with {@link #keys} unless an identity provider issues them. */
    private Supplier<String> tokens = this::signedToken;

    Platform start() throws IOException, InterruptedException {
        return start(Duration.ofSeconds(3), Map.of());
    }

    /**
     * @param interval cycle interval of started jobs
     * @param extra    further configuration for every service (e.g. heap settings for a benchmark)
     */
    Platform start(Duration interval, Map<String, String> extra) throws IOException, InterruptedException {
        try {
            return startServices(interval, extra);
        } catch (IOException | RuntimeException e) {
            close(); // the caller never gets this platform to close: the services started so far would outlive the run
            throw e;
        }
    }

    private Platform startServices(Duration interval, Map<String, String> extra) throws IOException {
        this.extra = extra;
        String oidcKey = Base64.getEncoder().encodeToString(keys.getPublic().getEncoded());
        Map<String, String> api = Map.of("quarkus.oidc.auth-server-url", "", "quarkus.oidc.public-key", oidcKey,
                "quarkus.oidc.token.issuer", ISSUER);
        start("schema-service", "schema_service", api);
        // Before job-api, which forwards provisionOnDemand to it; it verifies the caller's token as job-api does
        Map<String, String> provisioner = new HashMap<>(api);
        provisioner.putAll(Map.of("sync.provisioner.escrow-retry", "PT0S", "sync.provisioner.escrow-back-off", "PT0S",
                "sync.egress.allow-loopback", "true"));
        start("provisioner", "provisioner", provisioner);
        Map<String, String> jobApi = new HashMap<>(api);
        jobApi.putAll(Map.of("sync.job-api.schema-service-url", services.get("schema-service").baseUrl(),
                "sync.job-api.provisioner-url", services.get("provisioner").baseUrl(),
                "sync.job-api.default-interval", interval.toString(), "sync.job-api.quarantine.after-failures", "2",
                "sync.job-api.quarantine.retry-intervals", "PT4S", "sync.secrets.at-rest-key", atRestKey,
                // validateCredentials and discover connect to the directory and the SCIM applications on this machine
                "sync.egress.allow-loopback", "true"));
        // The web console's pasted-token form (WebConsoleIT signs in with token())
        jobApi.put("sync.console.development-login", "true");
        start("job-api", "job_api", jobApi);
        start("scheduler-service", "scheduler", Map.of());
        // The directory and the SCIM applications run on this machine, which the egress policy refuses by default
        start("change-detector", "change_detector", Map.of("sync.egress.allow-loopback", "true"));
        return this;
    }

    /**
     * Only schema-service and job-api, which is all the web console talks to (with the templates a job is made of),
     * verifying the tokens of an identity provider instead of the run's key pair.
     *
     * @param oidc   quarkus.oidc settings of both services
     * @param jobApi further settings of job-api (its port, the console's sign-in)
     * @param tokens the bearer tokens {@link #api()} sends, issued by that provider
     */
    Platform startApi(Map<String, String> oidc, Map<String, String> jobApi, Supplier<String> tokens)
            throws IOException {
        this.tokens = tokens;
        start("schema-service", "schema_service", oidc);
        Map<String, String> config = new HashMap<>(oidc);
        config.putAll(jobApi);
        config.putAll(Map.of("sync.job-api.schema-service-url", services.get("schema-service").baseUrl(),
                "sync.secrets.at-rest-key", atRestKey));
        start("job-api", "job_api", config);
        return this;
    }

    /**
     * Starts a service (or one of its {@link #startAnother other instances}) again, e.g. after {@link #kill}; it keeps
     * its database and its port, which the other services were configured with (job-api calls schema-service and the
     * provisioner).
     */
    void restart(String instance) throws IOException {
        String name = configuration.containsKey(instance) ? instance
                : instance.substring(0, instance.lastIndexOf('-'));
        Map<String, String> config = new HashMap<>(configuration.get(name));
        config.put("quarkus.http.port", Integer.toString(services.get(instance).port()));
        services.put(instance, ServiceProcess.start(instance + "-again", jar(name), config, STARTUP));
    }

    /**
     * Starts one more instance of a service beside the running ones (same database and consumer group), named
     * {@code <name>-2}, {@code <name>-3}…
     */
    void startAnother(String name) throws IOException {
        long running = services.keySet().stream().filter(key -> key.equals(name) || key.startsWith(name + "-")).count();
        String instance = name + "-" + (running + 1);
        services.put(instance, ServiceProcess.start(instance, jar(name), configuration.get(name), STARTUP));
    }

    void kill(String name) throws InterruptedException {
        services.get(name).kill();
    }

    /** Stops a service the way a rolling deployment does (SIGTERM, it leaves its consumer groups). */
    void stop(String name) throws InterruptedException {
        services.get(name).stop();
    }

    Map<String, ServiceProcess> services() {
        return services;
    }

    /** A benchmark's memory figures: the peak resident set of each service so far. */
    void printPeakRss() {
        peakRssMib().forEach((name, mib) -> System.out.printf("BENCH peak RSS %-18s %6d MiB%n", name, mib));
    }

    /** CPU time each service has used so far. */
    Map<String, Duration> cpuTimes() {
        Map<String, Duration> times = new LinkedHashMap<>();
        services.forEach((name, service) -> times.put(name, service.cpuTime()));
        return times;
    }

    /** Resident memory of each service now, in MiB. */
    Map<String, Long> rssMib() {
        Map<String, Long> rss = new LinkedHashMap<>();
        services.forEach((name, service) -> rss.put(name, service.rssKib() / 1024));
        return rss;
    }

    /** Peak resident memory of each service so far, in MiB. */
    Map<String, Long> peakRssMib() {
        Map<String, Long> rss = new LinkedHashMap<>();
        services.forEach((name, service) -> rss.put(name, service.peakRssKib() / 1024));
        return rss;
    }

    /** Where job-api answers, e.g. the web console at {@code baseUrl() + "/console/"}. */
    String jobApiUrl() {
        return services.get("job-api").baseUrl();
    }

    RequestSpecification api() {
        return given().baseUri(services.get("job-api").baseUrl()).auth().oauth2(token())
                .contentType(ContentType.JSON);
    }

    String token() {
        return tokens.get();
    }

    private String signedToken() {
        return Jwt.issuer(ISSUER).audience(TestTokens.AUDIENCE).subject("e2e").claim("roles", PERMISSIONS)
                .sign(keys.getPrivate());
    }

    private void start(String name, String database, Map<String, String> specific) throws IOException {
        Map<String, String> config = new HashMap<>(specific);
        config.putAll(extra);
        config.put("quarkus.datasource.jdbc.url", InfraEndpoints.freshDatabase(database + "_e2e"));
        config.put("quarkus.datasource.username", InfraEndpoints.postgresUser());
        config.put("quarkus.datasource.password", InfraEndpoints.postgresPassword());
        config.put("kafka.bootstrap.servers", InfraEndpoints.kafkaBootstrap());
        config.put("mp.messaging.connector.smallrye-kafka.group.id", "e2e-" + name);
        startAtTheEnd("e2e-" + name);
        config.put("sync.secrets.transport-key", transportKey);
        configuration.put(name, config);
        services.put(name, ServiceProcess.start(name, jar(name), config, STARTUP));
    }

    /**
     * Earlier tests of the build left events on the topics: the service's consumer group starts where the event
     * topics end now, as a group that has always been there would, and reads the compacted state topics from the
     * start. A service killed before it committed anything then goes on from there, as in production, instead of
     * skipping (a new group reading from the latest offset) or replaying everything (from the earliest).
     */
    private static void startAtTheEnd(String group) {
        // A service of an earlier run that did not leave its group (killed, or stopped past its shutdown timeout)
        // stays a member until its session times out; offsets of a group with members cannot be set
        Awaitility.await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofSeconds(1))
                .ignoreExceptionsMatching(e -> e.getCause() instanceof UnknownMemberIdException
                        || e.getCause() instanceof GroupNotEmptyException)
                .until(() -> {
                    setToTheEnd(group);
                    return true;
                });
    }

    private static void setToTheEnd(String group) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                InfraEndpoints.kafkaBootstrap()))) {
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            admin.describeTopics(EVENT_TOPICS).allTopicNames().get().forEach((topic, description) ->
                    description.partitions().forEach(partition ->
                            latest.put(new TopicPartition(topic, partition.partition()), OffsetSpec.latest())));
            Map<TopicPartition, OffsetAndMetadata> ends = new HashMap<>();
            admin.listOffsets(latest).all().get().forEach((partition, offset) ->
                    ends.put(partition, new OffsetAndMetadata(offset.offset())));
            admin.alterConsumerGroupOffsets(group, ends).all().get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not set the offsets of " + group, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Path jar(String name) {
        return Path.of("..", name, "target", "quarkus-app", "quarkus-run.jar");
    }

    @Override
    public void close() throws InterruptedException {
        for (ServiceProcess service : services.values()) {
            service.close();
        }
    }

    private static KeyPair keyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

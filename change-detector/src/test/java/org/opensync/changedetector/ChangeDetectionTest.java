package org.opensync.changedetector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opensync.changedetector.cycle.CycleRunner;
import org.opensync.changedetector.cycle.JobState;
import org.opensync.changedetector.cycle.PendingTicks;
import org.opensync.common.events.EventCodec;
import org.opensync.common.events.JobEvent;
import org.opensync.common.events.ObjectChange;
import org.opensync.common.events.ObjectChangeParts;
import org.opensync.common.events.RestartScope;
import org.opensync.common.events.SourceChanged;
import org.opensync.common.events.Tick;
import org.opensync.common.events.Topics;
import org.opensync.common.mirror.SchemaMirror;
import org.opensync.common.mirror.SecretsMirror;
import org.opensync.common.secrets.SealedValues;
import org.opensync.common.secrets.SecretBox;
import org.opensync.common.secrets.SecretUnavailableException;
import org.opensync.sandbox.directory.InMemoryTestDirectory;
import org.opensync.sandbox.directory.SlapdTestDirectory;
import org.opensync.sandbox.directory.TestDirectory;
import org.opensync.sandbox.ldap.DirectoryDataGenerator;
import org.opensync.testing.DatabaseText;
import org.opensync.testing.LogCapture;
import org.opensync.testing.PrometheusScrape;
import org.opensync.testing.TopicProbe;

/**
 * Ticks on the real {@code sync.ticks} become object changes on the real {@code sync.object-changes}, read from a
 * real directory: OpenLDAP slapd (RFC 4533 content sync) and the in-memory server (timestamp deltas).
 */
@QuarkusTest
class ChangeDetectionTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final int USERS = 60;
    private static final int GROUPS = 4;

    @Inject
    SchemaMirror schemas;

    @Inject
    SecretsMirror secrets;

    private TopicProbe changes;
    private TopicProbe jobEvents;

    private static final String SLAPD = "slapd";
    private static final String IN_MEMORY = "in-memory";
    /** Larger than the %test max.request.size of the change detector's producer. */
    private static final String TOO_LARGE_FOR_KAFKA = "x".repeat(40_000);
    /** The %test max.request.size of the change detector's producer. */
    private static final int MAX_REQUEST_SIZE = 32_768;

    @Inject
    JobState state;

    @Inject
    PendingTicks pendingTicks;

    @Inject
    CycleRunner runner;

    @Inject
    AgroalDataSource dataSource;

    @ConfigProperty(name = "sync.change-detector.concurrent-cycles")
    int concurrentCycles;

    @BeforeEach
    void listen() {
        changes = TopicProbe.fromNow(Topics.OBJECT_CHANGES);
        jobEvents = TopicProbe.fromNow(Topics.JOB_EVENTS);
    }

    @AfterEach
    void close() {
        changes.close();
        jobEvents.close();
    }

    /** By name: JUnit makes the arguments outside the class loader Quarkus runs the test in. */
    private static TestDirectory directory(String kind) {
        return kind.equals(SLAPD) ? new SlapdTestDirectory() : new InMemoryTestDirectory();
    }

    @ParameterizedTest
    @ValueSource(strings = {SLAPD, IN_MEMORY})
    void initialThenIncrementalCycles(String kind) {
        try (TestDirectory directory = directory(kind)) {
            DirectoryDataGenerator generator = new DirectoryDataGenerator();
            directory.load(generator.generate(USERS, GROUPS));
            SourceJob job = ready(directory);

            job.tick(Tick.CycleKind.Initial, Set.of());
            List<ObjectChange> initial = cycle(job, 1);
            assertThat(initial.get(0)).isInstanceOf(ObjectChange.CycleBegan.class);
            ObjectChange.CycleReadCompleted completed = (ObjectChange.CycleReadCompleted) initial.get(initial.size() - 1);
            assertThat(completed.imported()).isEqualTo(USERS + GROUPS);
            assertThat(completed.warning()).as("the bind password went over plain ldap://").isNotNull()
                    .extracting(JobEvent.CycleError::code).isEqualTo(CycleRunner.PASSWORD_IN_CLEAR);
            List<ObjectChange.ObjectChanged> objects = objects(initial);
            assertThat(objects).hasSize(USERS + GROUPS);
            assertThat(objects.subList(0, USERS)).allMatch(o -> o.objectType().equals("User"));
            assertThat(objects.subList(USERS, USERS + GROUPS)).allMatch(o -> o.objectType().equals("Group"));
            ObjectChange.ObjectChanged first = objects.get(0);
            assertThat(first.attributes()).containsKeys("objectId", "dn", "IsSoftDeleted", "mail", "uid");
            assertThat(first.attributes().get("objectId")).containsExactly(first.anchor());
            assertThat(objects.get(USERS).attributes().get("member")).isNotEmpty();
            assertThat(initial).extracting(ObjectChange::cycleId).containsOnly(completed.cycleId());

            String group = directory.groupDn(DirectoryDataGenerator.groupCn(1));
            String deletedUser = directory.userDn(generator.group(1, USERS, GROUPS).memberUids().get(0));
            String changedUser = directory.userDn(generator.group(1, USERS, GROUPS).memberUids().get(1));
            directory.modify(changedUser, "title", "Chief Tester");
            directory.addUser(generator.user(USERS));
            directory.removeMember(group, deletedUser);
            directory.delete(deletedUser);

            job.tick(Tick.CycleKind.Incremental, Set.of());
            List<ObjectChange.ObjectChanged> delta = objects(cycle(job, 2));
            assertThat(delta).filteredOn(o -> !o.deleted()).extracting(ObjectChange.ObjectChanged::dn)
                    .containsExactlyInAnyOrder(changedUser, directory.userDn(DirectoryDataGenerator.uid(USERS)), group);
            assertThat(delta).filteredOn(ObjectChange.ObjectChanged::deleted).hasSize(1)
                    .allMatch(o -> o.objectType().equals("User"));
            assertThat(delta).filteredOn(o -> o.dn() != null && o.dn().equals(changedUser)).singleElement()
                    .satisfies(o -> assertThat(o.attributes().get("title")).containsExactly("Chief Tester"));

            job.tick(Tick.CycleKind.Incremental, Set.of());
            assertThat(objects(cycle(job, 3))).as("nothing changed").isEmpty();

            job.tick(Tick.CycleKind.Initial, Set.of(RestartScope.Full));
            assertThat(objects(cycle(job, 4))).as("a full restart re-reads everything").hasSize(USERS + GROUPS);
            assertTheMetricsCountWhatTheCyclesReadAndPublished(job);
        }
    }

    /**
     * Push mode: after a read, slapd (RFC 4533 refreshAndPersist) is watched, and a change there rings the job's bell
     * on {@code sync.source-changes} with no tick; a burst of changes rings once or a few times, not once each. The
     * in-memory directory (timestamp deltas) cannot push: its job is polled, and no bell rings for it.
     */
    @Test
    void aChangeInAWatchedDirectoryRingsTheJobsBellWithoutATick() {
        try (TopicProbe bells = TopicProbe.fromNow(Topics.SOURCE_CHANGES);
             TestDirectory slapd = new SlapdTestDirectory(); TestDirectory inMemory = new InMemoryTestDirectory()) {
            DirectoryDataGenerator generator = new DirectoryDataGenerator();
            slapd.load(generator.generate(5, 0));
            inMemory.load(generator.generate(5, 0));
            SourceJob watched = ready(slapd);
            SourceJob polled = ready(inMemory);
            watched.tick(Tick.CycleKind.Initial, Set.of());
            polled.tick(Tick.CycleKind.Initial, Set.of());
            cycle(watched, 1);
            cycle(polled, 1);

            for (int i = 0; i < 5; i++) {
                slapd.modify(slapd.userDn(DirectoryDataGenerator.uid(i)), "title", "Tester " + i);
            }
            inMemory.modify(inMemory.userDn(DirectoryDataGenerator.uid(0)), "title", "Tester");

            List<SourceChanged> rung = bells.await(r -> r.key().equals(watched.jobId), 1, TIMEOUT).stream()
                    .map(r -> EventCodec.decode(r.value(), SourceChanged.class)).toList();
            assertThat(rung.get(0).jobId()).isEqualTo(watched.jobId);
            // the next tick's read is the sync point: its watch rang for the modifies before it, or not at all
            watched.tick(Tick.CycleKind.Incremental, Set.of());
            assertThat(objects(cycle(watched, 2))).hasSize(5);
            assertThat(bells.records(r -> r.key().equals(watched.jobId))).as("a bell per burst, not per change")
                    .hasSizeLessThan(5);
            assertThat(bells.records(r -> r.key().equals(polled.jobId))).isEmpty();
        }
    }

    /** {@code /q/metrics} for the job equals the sums of its cycles' CycleReadCompleted counts. */
    private void assertTheMetricsCountWhatTheCyclesReadAndPublished(SourceJob job) {
        List<ObjectChange.CycleReadCompleted> reads = changes.records(r -> r.key().equals(job.jobId + ":cycle")
                        && r.value().contains("CycleReadCompleted")).stream()
                .map(r -> (ObjectChange.CycleReadCompleted) EventCodec.decode(r.value(), ObjectChange.class)).toList();
        Map<String, String> labels = Map.of("job", job.jobId);
        // counted right after the marker was acknowledged, so possibly a moment after the probe saw it
        Awaitility.await().atMost(TIMEOUT).untilAsserted(() -> {
            PrometheusScrape metrics = new PrometheusScrape(RestAssured.get("/q/metrics").asString());
            assertThat(metrics.sum("opensync_change_detector_objects_read_total", labels))
                    .isEqualTo(reads.stream().mapToLong(ObjectChange.CycleReadCompleted::imported).sum());
            assertThat(metrics.sum("opensync_change_detector_objects_published_total", labels))
                    .isEqualTo(reads.stream().mapToLong(ObjectChange.CycleReadCompleted::changes).sum());
            assertThat(metrics.sum("opensync_change_detector_read_duration_seconds_count", labels))
                    .isEqualTo(reads.size());
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {SLAPD, IN_MEMORY})
    void aCycleThatCannotReadTheSourceFails(String kind) {
        try (TestDirectory directory = directory(kind)) {
            SourceJob noSecrets = new SourceJob();
            noSecrets.publishSchema();
            Awaitility.await().atMost(TIMEOUT).until(() -> schemas.schemaOf(noSecrets.jobId).isPresent());
            noSecrets.tick(Tick.CycleKind.Initial, Set.of());
            assertThat(failure(noSecrets, 1).code()).isEqualTo("CredentialsMissing");

            SourceJob unreachable = new SourceJob();
            unreachable.publishSchema();
            unreachable.publishSecrets(Map.of("Server", "ldap://127.0.0.1:1", "Domain", directory.baseDn()));
            awaitMirrored(unreachable);
            unreachable.tick(Tick.CycleKind.Initial, Set.of());
            JobEvent.CycleError error = failure(unreachable, 1);
            assertThat(error.code()).isEqualTo("SourceUnreachable");
            assertThat(error.message()).contains("127.0.0.1:1");

            SourceJob wrongPassword = new SourceJob();
            wrongPassword.publishSchema();
            wrongPassword.publishSecrets(Map.of("Server", directory.url(), "UserName", directory.bindDn(),
                    "Password", "wrong", "Domain", directory.baseDn()));
            awaitMirrored(wrongPassword);
            wrongPassword.tick(Tick.CycleKind.Initial, Set.of());
            JobEvent.CycleError refused = failure(wrongPassword, 1);
            assertThat(refused.code()).isEqualTo("SourceConfigurationInvalid");
            assertThat(refused.tenantActionable()).isTrue();
        }
    }

    /**
     * A source attribute a Redact mapping reads travels sealed with the transport key, bound to the job: the topic,
     * the change detector's tables and its log never hold it readable, and the provisioner can open it.
     */
    @Test
    void aValueARedactMappingReadsIsSealedOnTheTopic() throws Exception {
        try (TestDirectory directory = new InMemoryTestDirectory(); LogCapture log = LogCapture.start()) {
            DirectoryDataGenerator generator = new DirectoryDataGenerator();
            directory.load(generator.generate(2, 0));
            SourceJob job = new SourceJob();
            String secret = "S3cret-" + job.jobId;
            String user = directory.userDn(DirectoryDataGenerator.uid(0));
            directory.modify(user, "description", secret);
            job.publishSchemaRedacting("description");
            job.publishSecretsFor(directory);
            awaitMirrored(job);

            job.tick(Tick.CycleKind.Initial, Set.of());
            ObjectChange.ObjectChanged published = objects(cycle(job, 1)).stream()
                    .filter(o -> user.equalsIgnoreCase(o.dn())).findFirst().orElseThrow();
            assertThat(published.attributes().get("description")).singleElement().asString().startsWith("sealed:");
            assertThat(SealedValues.open(new SecretBox(SourceJob.TRANSPORT_KEY, List.of()), job.jobId,
                    published.attributes()).get("description")).containsExactly(secret);
            assertThat(changes.records(r -> r.key().startsWith(job.jobId))).isNotEmpty()
                    .noneSatisfy(r -> assertThat(r.value()).contains(secret));
            assertThat(DatabaseText.of(dataSource)).contains(job.jobId).doesNotContain(secret);
            assertThat(log.text()).contains(job.jobId).doesNotContain(secret);
        }
    }

    /**
     * After a transport key rotation, secrets still sealed with the previous key open; secrets sealed with a key this
     * service does not have fail the cycle with an error the tenant can act on, naming the key by its id only.
     */
    @Test
    void secretsSealedWithAPreviousTransportKeyOpenAndThoseOfAnUnknownKeyFailTheCycle() {
        try (TestDirectory directory = new InMemoryTestDirectory()) {
            directory.load(new DirectoryDataGenerator().generate(USERS, GROUPS));
            SourceJob beforeRotation = new SourceJob();
            beforeRotation.publishSchema();
            beforeRotation.publishSecretsFor(directory, SourceJob.PREVIOUS_TRANSPORT_KEY);
            awaitMirrored(beforeRotation);
            beforeRotation.tick(Tick.CycleKind.Initial, Set.of());
            assertThat(objects(cycle(beforeRotation, 1))).hasSize(USERS + GROUPS);

            String unknownKey = SecretBox.generateKey();
            SourceJob unknown = new SourceJob();
            unknown.publishSchema();
            unknown.publishSecretsFor(directory, unknownKey);
            Awaitility.await().atMost(TIMEOUT).until(() -> schemas.schemaOf(unknown.jobId).isPresent());
            Awaitility.await().atMost(TIMEOUT).untilAsserted(() -> assertThatThrownBy(
                    () -> secrets.secretsOf(unknown.servicePrincipalId))
                    .isInstanceOf(SecretUnavailableException.class));
            unknown.tick(Tick.CycleKind.Initial, Set.of());
            JobEvent.CycleError error = failure(unknown, 1);
            assertThat(error.code()).isEqualTo("CredentialsUnreadable");
            assertThat(error.tenantActionable()).isTrue();
            assertThat(error.message()).contains(new SecretBox(unknownKey, List.of()).activeKeyId(),
                    "sync.secrets.previous-transport-keys").doesNotContain(unknownKey);
        }
    }

    /**
     * A Server pointing at the platform's database, a cloud metadata endpoint or one of the platform's services is
     * refused by the egress policy before anything is sent (the test profile allows loopback as such), and an
     * unusable secret is the tenant's to fix.
     */
    @Test
    void aServerTheEgressPolicyRefusesFailsTheCycle() {
        Map<String, String> refusals = Map.of(
                "ldap://127.0.0.1:5432", "Egress policy refused 127.0.0.1:5432: port 5432 belongs to the platform "
                        + "or its infrastructure (sync.egress.denied-ports)",
                "ldap://169.254.169.254", "Egress policy refused 169.254.169.254:389: link-local and cloud metadata "
                        + "addresses are not allowed (sync.egress)",
                "ldaps://127.0.0.1:8081", "Egress policy refused 127.0.0.1:8081: port 8081 belongs to the platform "
                        + "or its infrastructure (sync.egress.denied-ports)");
        refusals.forEach((server, message) -> {
            SourceJob job = new SourceJob();
            job.publishSchema();
            job.publishSecrets(Map.of("Server", server, "Domain", "dc=example,dc=org"));
            awaitMirrored(job);
            job.tick(Tick.CycleKind.Initial, Set.of());
            assertThat(failure(job, 1)).as(server).isEqualTo(new JobEvent.CycleError("EgressDenied", message, true));
        });

        SourceJob unknownMode = new SourceJob();
        unknownMode.publishSchema();
        unknownMode.publishSecrets(Map.of("Server", "ldap://127.0.0.1:1", "Domain", "dc=example,dc=org",
                "AuthenticationType", "Kerberos"));
        awaitMirrored(unknownMode);
        unknownMode.tick(Tick.CycleKind.Initial, Set.of());
        JobEvent.CycleError invalid = failure(unknownMode, 1);
        assertThat(invalid.code()).isEqualTo("CredentialsInvalid");
        assertThat(invalid.message()).contains("AuthenticationType 'Kerberos' is not supported");
        assertThat(invalid.tenantActionable()).isTrue();
    }

    /**
     * A change Kafka refuses is not remembered as published: the next cycle, over an unchanged source, publishes it
     * again rather than skipping it as unchanged; the change acknowledged beside it is not published again.
     */
    @ParameterizedTest
    @ValueSource(strings = {SLAPD, IN_MEMORY})
    void aChangeKafkaDidNotAcknowledgeIsPublishedAgain(String kind) {
        try (TestDirectory directory = directory(kind)) {
            directory.load(new DirectoryDataGenerator().generate(USERS, GROUPS));
            SourceJob job = ready(directory);
            job.tick(Tick.CycleKind.Initial, Set.of());
            String tooLarge = directory.userDn(DirectoryDataGenerator.uid(1));
            String anchor = objects(cycle(job, 1)).stream().filter(o -> o.dn().equals(tooLarge)).findFirst()
                    .orElseThrow().anchor();
            directory.modify(tooLarge, "title", TOO_LARGE_FOR_KAFKA);
            directory.modify(directory.userDn(DirectoryDataGenerator.uid(2)), "title", "Chief Tester");

            job.tick(Tick.CycleKind.Incremental, Set.of());
            JobEvent.CycleFinished refused = finished(job, 1);
            assertNotPublished(refused, "User " + anchor);
            changes.awaitOne(r -> r.value().contains(refused.cycleId()) && r.value().contains("Chief Tester"),
                    TIMEOUT);

            job.tick(Tick.CycleKind.Incremental, Set.of());
            JobEvent.CycleFinished again = finished(job, 2);
            assertNotPublished(again, "User " + anchor);
            assertThat(changes.records(r -> r.value().contains(again.cycleId())))
                    .noneMatch(r -> r.value().contains("Chief Tester"));
        }
    }

    /**
     * A deletion Kafka refuses leaves the object known: the next cycle finds it missing again and publishes its
     * deletion again. The object is made known with a DN too large for Kafka, which refuses the deletion the way
     * it refuses any record during an outage, and only that one.
     */
    @Test
    void aDeletionKafkaDidNotAcknowledgeIsPublishedAgain() {
        try (TestDirectory directory = new InMemoryTestDirectory()) {
            directory.load(new DirectoryDataGenerator().generate(USERS, GROUPS));
            SourceJob job = ready(directory);
            job.tick(Tick.CycleKind.Initial, Set.of());
            cycle(job, 1);
            String leaver = UUID.randomUUID().toString();
            state.remember(job.jobId, "before", List.of(new JobState.Seen(leaver, "User",
                    "uid=" + TOO_LARGE_FOR_KAFKA + "," + directory.baseDn(), "hash")));

            job.tick(Tick.CycleKind.Initial, Set.of());
            assertNotPublished(finished(job, 1), "the deletion of User " + leaver);
            job.tick(Tick.CycleKind.Initial, Set.of());
            assertNotPublished(finished(job, 2), "the deletion of User " + leaver);
        }
    }

    /**
     * A group whose members make its record larger than the producer may send (the %test max.request.size) is
     * published in parts that each fit, and that together are its whole image; the cycle does not fail.
     */
    @Test
    void aGroupTooLargeForOneRecordIsPublishedInParts() {
        int members = 1_500;
        try (TestDirectory directory = new InMemoryTestDirectory()) {
            directory.load(new DirectoryDataGenerator().generate(members, 1));
            SourceJob job = ready(directory);
            job.tick(Tick.CycleKind.Initial, Set.of());

            List<ObjectChange.ObjectChanged> group = objects(cycle(job, 1)).stream()
                    .filter(object -> object.objectType().equals("Group")).toList();

            assertThat(group).hasSizeGreaterThan(1).allMatch(ObjectChange.ObjectChanged::partial);
            assertThat(changes.records(r -> r.key().equals(job.jobId + ":" + group.get(0).anchor())))
                    .hasSize(group.size())
                    .allMatch(r -> r.value().getBytes(StandardCharsets.UTF_8).length <= MAX_REQUEST_SIZE);
            ObjectChange.ObjectChanged whole = ObjectChangeParts.assemble(group);
            assertThat(whole.attributes().get("member")).hasSize(members)
                    .contains(directory.userDn(DirectoryDataGenerator.uid(members - 1)));
            assertThat(jobEvents.records(r -> r.key().equals(job.jobId) && r.value().contains("CycleFinished")))
                    .as("no failed cycle").isEmpty();
        }
    }

    @Test
    void anUnexpectedFailureEndsTheCycle() {
        try (TestDirectory directory = new InMemoryTestDirectory()) {
            SourceJob job = new SourceJob();
            job.publishSchemaWithUnnamedAttribute();
            job.publishSecretsFor(directory);
            awaitMirrored(job);
            job.tick(Tick.CycleKind.Initial, Set.of());
            JobEvent.CycleError error = failure(job, 1);
            assertThat(error.code()).isEqualTo("InternalError");
            assertThat(error.message()).contains("NullPointerException");
            assertThat(error.tenantActionable()).isFalse();
        }
    }

    @Test
    void aJobWhoseSecretsArriveJustAfterItsFirstTickIsReadNotFailed() {
        try (TestDirectory directory = directory(IN_MEMORY)) {
            directory.load(new DirectoryDataGenerator().generate(3, 1));
            SourceJob job = new SourceJob();
            job.publishSchema();
            Awaitility.await().atMost(TIMEOUT).until(() -> schemas.schemaOf(job.jobId).isPresent());

            job.tick(Tick.CycleKind.Initial, Set.of());
            job.publishSecretsFor(directory);

            assertThat(objects(cycle(job, 1))).hasSize(4);
            assertThat(jobEvents.records(r -> r.key().equals(job.jobId) && r.value().contains("CycleFinished")))
                    .as("no failed cycle").isEmpty();
        }
    }

    /**
     * Jobs whose cycles keep failing slowly (their schema never arrives, so each cycle waits the configuration wait)
     * and keep ticking take turns with the other jobs: a healthy job's tick runs although as many broken jobs as there
     * are runner threads tick on meanwhile, each with a tick waiting behind its running cycle.
     */
    @Test
    void jobsWhoseCyclesKeepFailingSlowlyDoNotStarveTheOthers() throws Exception {
        List<SourceJob> broken = IntStream.range(0, concurrentCycles).mapToObj(i -> new SourceJob()).toList();
        ScheduledExecutorService ticking = Executors.newSingleThreadScheduledExecutor();
        try (TestDirectory directory = directory(IN_MEMORY)) {
            directory.load(new DirectoryDataGenerator().generate(3, 1));
            SourceJob healthy = ready(directory);
            ticking.scheduleAtFixedRate(() -> broken.forEach(job -> job.tick(Tick.CycleKind.Incremental, Set.of())),
                    0, 500, TimeUnit.MILLISECONDS);
            broken.forEach(job -> jobEvents.await(r -> job.jobId.equals(r.key())
                    && r.value().contains("SchemaNotAvailable"), 1, TIMEOUT));

            healthy.tick(Tick.CycleKind.Initial, Set.of());

            assertThat(objects(cycle(healthy, 1))).hasSize(4);
        } finally {
            ticking.shutdownNow();
            ticking.awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void aTickAcknowledgedBeforeACrashRunsWhenTheServiceIsBack() {
        try (TestDirectory directory = directory(IN_MEMORY)) {
            directory.load(new DirectoryDataGenerator().generate(3, 1));
            SourceJob job = ready(directory);
            Tick restart = job.tickEvent(Tick.CycleKind.Initial, Set.of(RestartScope.Full));
            QuarkusTransaction.requiringNew().run(() -> pendingTicks.remember(restart));

            runner.resumePending();

            assertThat(objects(cycle(job, 1))).as("the restart's full read").hasSize(4);
            Awaitility.await().atMost(TIMEOUT).until(() -> pendingTicks.all().stream()
                    .noneMatch(tick -> tick.jobId().equals(job.jobId)));
        }
    }

    private static void assertNotPublished(JobEvent.CycleFinished finished, String object) {
        assertThat(finished.result()).isEqualTo(JobEvent.CycleResult.Failed);
        assertThat(finished.error().code()).isEqualTo("ChangesNotPublished");
        assertThat(finished.error().message()).contains("1 record(s)", object, "RecordTooLargeException");
    }

    private SourceJob ready(TestDirectory directory) {
        SourceJob job = new SourceJob();
        job.publishSchema();
        job.publishSecretsFor(directory);
        awaitMirrored(job);
        return job;
    }

    private void awaitMirrored(SourceJob job) {
        Awaitility.await().atMost(TIMEOUT).until(() -> schemas.schemaOf(job.jobId).isPresent()
                && secrets.secretsOf(job.servicePrincipalId).isPresent());
    }

    /** The changes of the job's n-th cycle, from its CycleBegan to its CycleReadCompleted. */
    private List<ObjectChange> cycle(SourceJob job, int n) {
        changes.await(r -> r.key().equals(job.jobId + ":cycle") && r.value().contains("CycleReadCompleted"), n,
                TIMEOUT);
        List<ObjectChange> all = changes.records(r -> r.key().startsWith(job.jobId + ":")).stream()
                .map(r -> EventCodec.decode(r.value(), ObjectChange.class)).toList();
        String cycleId = all.stream().filter(c -> c instanceof ObjectChange.CycleReadCompleted).skip(n - 1)
                .findFirst().orElseThrow().cycleId();
        return all.stream().filter(c -> c.cycleId().equals(cycleId)).toList();
    }

    private static List<ObjectChange.ObjectChanged> objects(List<ObjectChange> cycle) {
        return cycle.stream().filter(c -> c instanceof ObjectChange.ObjectChanged)
                .map(c -> (ObjectChange.ObjectChanged) c).toList();
    }

    /** The error of the job's n-th CycleFinished, a failed one. */
    private JobEvent.CycleError failure(SourceJob job, int n) {
        JobEvent.CycleFinished finished = finished(job, n);
        assertThat(finished.result()).isEqualTo(JobEvent.CycleResult.Failed);
        return finished.error();
    }

    private JobEvent.CycleFinished finished(SourceJob job, int n) {
        ConsumerRecord<String, String> record = jobEvents.await(
                r -> r.key().equals(job.jobId) && r.value().contains("CycleFinished"), n, TIMEOUT).get(n - 1);
        return (JobEvent.CycleFinished) EventCodec.decode(record.value(), JobEvent.class);
    }
}

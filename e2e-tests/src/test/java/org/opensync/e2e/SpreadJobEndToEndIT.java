package org.opensync.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opensync.common.events.EventCodec;
import org.opensync.common.events.JobEvent;
import org.opensync.common.events.Tick;
import org.opensync.common.events.Topics;
import org.opensync.sandbox.directory.SlapdTestDirectory;
import org.opensync.sandbox.ldap.DirectoryData;
import org.opensync.sandbox.ldap.DirectoryDataGenerator;
import org.opensync.sandbox.ldap.GeneratedGroup;
import org.opensync.sandbox.ldap.GeneratedUser;
import org.opensync.sandbox.scim.ScimServer;
import org.opensync.sandbox.scim.ScimServerConfig;
import org.opensync.testing.PrometheusScrape;
import org.opensync.testing.ServiceProcess;
import org.opensync.testing.TopicProbe;

/**
 * One job's cycle worked by two provisioner instances at once: change-detector spreads the job's object changes over
 * every partition (docs/scaling.md). Each object reaches the target once, two source users with the same matching
 * value give one target user whichever instances they land on, and the cycle ends once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SpreadJobEndToEndIT {
    private static final int USERS = 400;
    private static final int GROUPS = 8;
    private static final String TOKEN = "e2e-spread-token";

    private final DirectoryDataGenerator generator = new DirectoryDataGenerator();
    private final DirectoryData data = generator.generate(USERS, GROUPS);
    private final GeneratedUser newcomer = generator.user(USERS);
    private SlapdTestDirectory directory;
    private ScimServer scim;
    private Platform platform;

    @BeforeAll
    void start() throws Exception {
        directory = new SlapdTestDirectory();
        directory.load(data);
        // Two more source users with the same matching value (userName from mail), in no group: either may win, the
        // other is a duplicate source entry
        directory.addUser(newcomer);
        directory.addUser(new GeneratedUser(USERS + 1, "twin-" + newcomer.uid(), newcomer.givenName(),
                newcomer.surname(), newcomer.displayName(), newcomer.mail(), newcomer.title(), newcomer.department(),
                "twin", newcomer.telephoneNumber(), newcomer.mobile(), newcomer.locality(), newcomer.state(),
                newcomer.postalCode(), newcomer.street(), newcomer.office(), newcomer.preferredLanguage(), null));
        scim = new ScimServer(ScimServerConfig.defaults().withBearerToken(TOKEN).withJournalCapacity(100_000)).start();
        platform = new Platform().start(Duration.ofSeconds(3),
                Map.of("sync.change-detector.spread-job-changes", "true",
                        "SYNC_PROVISIONER_PARTITION_FETCH_BYTES", Platform.SPREAD_PARTITION_FETCH_BYTES));
        platform.startAnother("provisioner");
    }

    @AfterAll
    void stop() throws Exception {
        Resources.closeAll(platform, scim, directory);
    }

    @Test
    void twoInstancesShareOneJobsCycleAndItEndsOnce() throws Exception {
        try (TopicProbe jobEvents = TopicProbe.fromNow(Topics.JOB_EVENTS);
             TopicProbe objectChanges = TopicProbe.fromNow(Topics.OBJECT_CHANGES)) {
            ProvisioningJob job = ProvisioningJob.create(platform, directory, scim, TOKEN);
            Instant started = Instant.now();
            job.start();
            job.awaitCycleAfter(started, Duration.ofMinutes(4), "Succeeded", "EntryLevelErrors");
            Awaitility.await().atMost(Duration.ofMinutes(2))
                    .until(() -> scim.users().size() == USERS + 1 && scim.groups().size() == GROUPS);

            assertThat(scim.journal().matching("POST", ".*/Users")).as("each user created once").hasSize(USERS + 1);
            assertThat(scim.journal().matching("POST", ".*/Groups")).hasSize(GROUPS);
            assertThat(scim.users().find("userName eq \"" + newcomer.mail() + "\""))
                    .as("one target user for the two source users").hasSize(1);
            for (GeneratedGroup group : data.groups()) {
                assertThat(scim.groups().find("displayName eq \"" + group.cn() + "\"").get(0).path("members"))
                        .as("members of " + group.cn() + ", on other slices than the group")
                        .hasSize(group.memberUids().size());
            }
            assertThat(initialCyclesFinished(jobEvents, job.jobId)).as("the initial cycle ended once").isEqualTo(1);
            Map<Integer, Long> perPartition = objectChanges.records(record -> record.key().startsWith(job.jobId))
                    .stream().collect(Collectors.groupingBy(ConsumerRecord::partition, Collectors.counting()));
            assertThat(perPartition).as("the job's records, by partition").hasSizeGreaterThan(1);
            for (String instance : new String[] {"provisioner", "provisioner-2"}) {
                assertThat(provisioned(platform.services().get(instance), job.jobId)).as(instance + " worked a share")
                        .isPositive();
            }
        }
    }

    private static long initialCyclesFinished(TopicProbe jobEvents, String jobId) {
        return jobEvents.records(record -> jobId.equals(record.key()) && record.value().contains("CycleFinished"))
                .stream().map(ConsumerRecord::value).map(value -> (JobEvent) EventCodec.decode(value, JobEvent.class))
                .filter(event -> event instanceof JobEvent.CycleFinished finished
                        && finished.cycleKind() == Tick.CycleKind.Initial)
                .count();
    }

    /** The objects an instance recorded an outcome for, from its Prometheus metrics. */
    private static double provisioned(ServiceProcess instance, String jobId) throws Exception {
        String metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(instance.baseUrl()
                + "/q/metrics")).build(), HttpResponse.BodyHandlers.ofString()).body();
        return new PrometheusScrape(metrics).sum("opensync_provisioner_objects_total", Map.of("job", jobId));
    }
}

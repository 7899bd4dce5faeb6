package org.opensync.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.opensync.common.events.Topics;
import org.opensync.sandbox.directory.SlapdTestDirectory;
import org.opensync.sandbox.ldap.DirectoryData;
import org.opensync.sandbox.ldap.DirectoryDataGenerator;
import org.opensync.sandbox.scim.ScimServer;
import org.opensync.sandbox.scim.ScimServerConfig;
import org.opensync.testing.TopicProbe;

/**
 * Fault scenarios against one job: each fault hits while source changes keep arriving, and afterwards the target must
 * hold exactly what the source says — nothing lost, nothing duplicated, nothing dead-lettered — and the job must be
 * back to successful cycles. Owns what the scenarios run against (a directory of its own, the sandbox SCIM app, the
 * platform and the job) and keeps the table of the scenarios ({@code CHAOS} lines), printed when it closes.
 */
final class ChaosScenarios implements AutoCloseable {
    /** Users out of this scope (title {@value ExpectedTarget#OUT_OF_SCOPE}) are disabled in the target. */
    static final String SCOPE = """
            {"categoryFilterGroups":[],"inputFilterGroups":[],"groups":[{"name":"No contractors","clauses":[
            {"sourceOperandName":"title","operatorName":"NOT EQUALS","targetOperand":{"values":["%s"]}}]}]}"""
            .formatted(ExpectedTarget.OUT_OF_SCOPE);
    private static final String TOKEN = "chaos-scim-token";

    private final SlapdTestDirectory directory;
    private final ScimServer scim;
    private final Platform platform;
    private final ProvisioningJob job;
    private final ExpectedTarget expected;
    private final Duration converge;
    private final List<String> table = new ArrayList<>();
    private boolean jobStarted;

    private ChaosScenarios(SlapdTestDirectory directory, ScimServer scim, Platform platform, ProvisioningJob job,
                           ExpectedTarget expected, Duration converge) {
        this.directory = directory;
        this.scim = scim;
        this.platform = platform;
        this.job = job;
        this.expected = expected;
        this.converge = converge;
        table.add(String.format("CHAOS %-52s %8s %6s %10s %13s %12s", "scenario", "changes", "lost", "duplicated",
                "dead-lettered", "converged in"));
    }

    /**
     * Loads the users and groups into a directory of their own and starts the SCIM app, the platform (with
     * {@code config} for every service) and a job scoped to {@link #SCOPE}, which starts with the first scenario, so
     * that any selection of them works.
     */
    static ChaosScenarios start(int users, int groups, Duration converge, Map<String, String> config)
            throws Exception {
        DirectoryDataGenerator generator = new DirectoryDataGenerator();
        DirectoryData data = generator.generate(users, groups);
        SlapdTestDirectory directory = null;
        ScimServer scim = null;
        Platform platform = null;
        try {
            directory = new SlapdTestDirectory();
            directory.load(data);
            scim = new ScimServer(ScimServerConfig.defaults().withBearerToken(TOKEN).withJournalCapacity(1_000))
                    .start();
            platform = new Platform().start(Duration.ofSeconds(3), config);
            ProvisioningJob job = ProvisioningJob.create(platform, directory, scim, TOKEN);
            job.scopeUsers(SCOPE);
            return new ChaosScenarios(directory, scim, platform, job, new ExpectedTarget(directory, generator, data),
                    converge);
        } catch (Exception e) {
            Resources.closeAll(platform, scim, directory);
            throw e;
        }
    }

    ScimServer scim() {
        return scim;
    }

    Platform platform() {
        return platform;
    }

    ProvisioningJob job() {
        return job;
    }

    ExpectedTarget expected() {
        return expected;
    }

    /** Runs one fault while changes arrive, then checks the target converges to exactly the source. */
    void run(String name, Fault fault) throws Exception {
        if (!jobStarted) {
            job.start();
            jobStarted = true;
        }
        int changesBefore = expected.changes();
        try (TopicProbe deadLetters = TopicProbe.fromNow(Topics.DEAD_LETTER)) {
            fault.run();
            Instant healed = Instant.now();
            ExpectedTarget.Differences differences = converge();
            Duration took = Duration.between(healed, Instant.now());
            int deadLettered = deadLetters.records().size();
            table.add(String.format("CHAOS %-52s %8d %6d %10d %13d %10d s", name, expected.changes() - changesBefore,
                    differences.lost(), differences.duplicated(), deadLettered, took.toSeconds()));
            assertThat(differences.examples()).as(name + ": the target equals the source").isEmpty();
            assertThat(differences.none()).isTrue();
            assertThat(deadLettered).as(name + ": nothing dead-lettered").isZero();
            job.awaitCycleAfter(Instant.now(), converge, "Succeeded");
        }
    }

    /**
     * kill -9 of a service instance once the initial cycle is under way (the target got {@code busy} requests), half
     * of {@code changes} made before the kill and half while it is down, then the instance starts again.
     */
    void killDuringTheInitialCycle(String name, String instance, int busy, int changes) throws Exception {
        run(name, () -> {
            awaitTargetBusy(busy);
            expected.change(changes / 2);
            platform.kill(instance);
            expected.change(changes - changes / 2);
            platform.restart(instance);
        });
    }

    /** kill -9 of a service instance while it exports {@code changes}, a quarter as many more while it is down. */
    void killDuringAnIncrementalCycle(String name, String instance, int changes) throws Exception {
        run(name, () -> {
            expected.change(changes);
            awaitTargetBusy(5);
            platform.kill(instance);
            expected.change(changes / 4);
            platform.restart(instance);
        });
    }

    /** Waits until the target has received this many more requests: a cycle is under way. */
    void awaitTargetBusy(int requests) {
        long before = scim.counters().totalRequests();
        Awaitility.await().atMost(converge).until(() -> scim.counters().totalRequests() >= before + requests);
    }

    @Override
    public void close() throws Exception {
        table.forEach(System.out::println);
        Resources.closeAll(platform, scim, directory);
    }

    /** The outage lasts this long: the scenario, not a wait for a condition. */
    static void hold(Duration outage) {
        Awaitility.await().pollDelay(outage).atMost(outage.plusSeconds(5)).until(() -> true);
    }

    private ExpectedTarget.Differences converge() {
        try {
            Awaitility.await().atMost(converge).pollInterval(Duration.ofSeconds(2)).ignoreExceptions()
                    .until(() -> expected.differences(scim).none());
        } catch (ConditionTimeoutException notConverged) {
            // reported by the caller, with the differences that remain
        }
        return expected.differences(scim);
    }

    @FunctionalInterface
    interface Fault {
        void run() throws Exception;
    }
}

package org.opensync.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.opensync.common.events.Topics;
import org.opensync.sandbox.scim.ScimServer;
import org.opensync.testing.TopicProbe;

/**
 * Fault scenarios against one job: each fault hits while source changes keep arriving, and afterwards the target must
 * hold exactly what the source says — nothing lost, nothing duplicated, nothing dead-lettered — and the job must be
 * back to successful cycles. Keeps the table of the scenarios ({@code CHAOS} lines).
 */
final class ChaosScenarios {
    /** Users out of this scope (title {@value ExpectedTarget#OUT_OF_SCOPE}) are disabled in the target. */
    static final String SCOPE = """
            {"categoryFilterGroups":[],"inputFilterGroups":[],"groups":[{"name":"No contractors","clauses":[
            {"sourceOperandName":"title","operatorName":"NOT EQUALS","targetOperand":{"values":["%s"]}}]}]}"""
            .formatted(ExpectedTarget.OUT_OF_SCOPE);

    private final ProvisioningJob job;
    private final ScimServer scim;
    private final ExpectedTarget expected;
    private final Duration converge;
    private final List<String> table = new ArrayList<>();
    private boolean jobStarted;

    /** The job is scoped to {@link #SCOPE}; it starts with the first scenario, so that any selection of them works. */
    ChaosScenarios(ProvisioningJob job, ScimServer scim, ExpectedTarget expected, Duration converge) throws Exception {
        this.job = job;
        this.scim = scim;
        this.expected = expected;
        this.converge = converge;
        job.scopeUsers(SCOPE);
        table.add(String.format("CHAOS %-52s %8s %6s %10s %13s %12s", "scenario", "changes", "lost", "duplicated",
                "dead-lettered", "converged in"));
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

    /** Waits until the target has received this many more requests: a cycle is under way. */
    void awaitTargetBusy(int requests) {
        long before = scim.counters().totalRequests();
        Awaitility.await().atMost(converge).until(() -> scim.counters().totalRequests() >= before + requests);
    }

    void printTable() {
        table.forEach(System.out::println);
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

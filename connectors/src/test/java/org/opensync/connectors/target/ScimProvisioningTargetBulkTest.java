package org.opensync.connectors.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opensync.connectors.net.EgressPolicy;
import org.opensync.connectors.net.EgressSettings;
import org.opensync.connectors.scim.ScimClient;
import org.opensync.connectors.scim.ScimException;
import org.opensync.connectors.scim.ScimSettings;
import org.opensync.sandbox.scim.FaultRule;
import org.opensync.sandbox.scim.JournalEntry;
import org.opensync.sandbox.scim.ScimServer;
import org.opensync.sandbox.scim.ScimServerConfig;

/** Creates of a job's workers at the same time, against the sandbox SCIM app with its {@code /Bulk}. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScimProvisioningTargetBulkTest {
    private static final TargetType USER = new TargetType("User", false);
    private static final int WORKERS = 12;

    private ScimServer server;
    private final ExecutorService workers = Executors.newFixedThreadPool(WORKERS);

    @BeforeAll
    void start() {
        server = new ScimServer(ScimServerConfig.defaults()).start();
    }

    @AfterAll
    void stop() {
        workers.shutdownNow();
        server.stop();
    }

    @AfterEach
    void reset() {
        server.reset();
    }

    @Test
    void createsAskedForTogetherGoInBulkRequestsAndEachCallerGetsItsOwnAnswer() throws Exception {
        ScimProvisioningTarget target = target(true);
        target.create(USER, Map.of("userName", "taken@example.org", "active", true));
        // The first requests linger at the app, so the workers' other creates arrive while they are under way
        server.faults().add(FaultRule.latency(Duration.ofMillis(300)).onMethod("POST")
                .times(GroupedCreates.IN_FLIGHT));
        List<String> names = new ArrayList<>();
        for (int i = 0; i < WORKERS - 1; i++) {
            names.add("user" + i + "@example.org");
        }
        names.add("TAKEN@example.org");

        List<CompletableFuture<String>> answers = createAtOnce(target, names);

        for (int i = 0; i < WORKERS - 1; i++) {
            String id = answers.get(i).get(10, TimeUnit.SECONDS);
            assertThat(server.users().get(id).orElseThrow().get("userName").asText()).isEqualTo(names.get(i));
        }
        ScimException alone = createFails(target(false), "Taken@example.org");
        assertThatThrownBy(() -> answers.get(WORKERS - 1).join()).hasCauseInstanceOf(ScimException.class)
                .cause().satisfies(failure -> {
                    ScimException refused = (ScimException) failure;
                    assertThat(refused.code()).isEqualTo(alone.code());
                    assertThat(refused.status()).isEqualTo(alone.status());
                });
        assertThat(server.users().size()).isEqualTo(WORKERS);
        List<JournalEntry> posts = server.journal().matching("POST", "/Users");
        assertThat(posts).as("each create once, alone or in a bulk").hasSize(WORKERS + 2);
        // besides the one taken first and the lone refusal, all but the first few went together
        assertThat(posts).filteredOn(post -> !post.inBulk()).hasSizeLessThanOrEqualTo(GroupedCreates.IN_FLIGHT + 2);
        assertThat(server.journal().matching("POST", "/Bulk")).hasSizeBetween(1, WORKERS - 2);
    }

    @Test
    void withoutGroupingEveryCreateIsItsOwnPost() throws Exception {
        List<CompletableFuture<String>> answers = createAtOnce(target(false),
                List.of("a@example.org", "b@example.org", "c@example.org"));
        for (CompletableFuture<String> answer : answers) {
            answer.get(10, TimeUnit.SECONDS);
        }
        assertThat(server.journal().matching("POST", "/Bulk")).isEmpty();
        assertThat(server.journal().matching("POST", "/Users")).hasSize(3);
    }

    private List<CompletableFuture<String>> createAtOnce(ScimProvisioningTarget target, List<String> names)
            throws InterruptedException {
        CountDownLatch ready = new CountDownLatch(names.size());
        List<CompletableFuture<String>> answers = new ArrayList<>();
        for (String name : names) {
            answers.add(CompletableFuture.supplyAsync(() -> {
                ready.countDown();
                try {
                    ready.await();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                return target.create(USER, Map.of("userName", name, "active", true));
            }, workers));
        }
        assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();
        return answers;
    }

    private static ScimException createFails(ScimProvisioningTarget target, String userName) {
        try {
            target.create(USER, Map.of("userName", userName, "active", true));
        } catch (ScimException e) {
            return e;
        }
        throw new AssertionError(userName + " was created twice");
    }

    private ScimProvisioningTarget target(boolean groupCreates) {
        ScimClient scim = new ScimClient(ScimSettings.builder(server.baseUrl())
                .secretToken(server.config().bearerToken())
                .requestsPerSecond(0)
                .backoff(Duration.ofMillis(10), Duration.ofMillis(50))
                .timeouts(Duration.ofSeconds(5), Duration.ofSeconds(5))
                .egress(EgressPolicy.of(EgressSettings.loopbackAllowed()))
                .build());
        return new ScimProvisioningTarget(scim, "sandbox", groupCreates);
    }
}

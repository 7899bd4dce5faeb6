package org.opensync.jobapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.opensync.jobapi.GraphClient.asAdmin;
import static org.opensync.jobapi.GraphClient.json;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import java.util.stream.LongStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.opensync.common.events.EventCodec;
import org.opensync.common.events.Topics;
import org.opensync.common.secrets.SecretBox;
import org.opensync.common.secrets.SecretsChanged;
import org.opensync.jobapi.graph.KeyValuePair;
import org.opensync.jobapi.job.SynchronizationJob;
import org.opensync.jobapi.synchronization.ServicePrincipalSecret;
import org.opensync.testing.TopicProbe;

/**
 * Parallel requests that race for the same unique thing: exactly one wins, the others get a Graph 409, never a 500;
 * parallel secret replacements are applied whole, one after the other, and published in that order; a command that
 * loses the race for its job's row to another writer runs again.
 */
@QuarkusTest
class ConcurrencyTest {
    private static final int PARALLEL = 8;

    @ConfigProperty(name = "sync.secrets.transport-key")
    String transportKey;

    @Test
    void parallelJobCreationFromOneTemplateCreatesOneJob() throws Exception {
        GraphClient.awaitTemplateCatalogue();
        for (int round = 0; round < 3; round++) {
            String spId = GraphClient.newServicePrincipal("race-job-" + round);
            List<Response> responses = race(i -> () -> json("{\"templateId\":\"scim\"}")
                    .post("/beta/servicePrincipals/" + spId + "/synchronization/jobs"));
            assertOneCreatedOthersConflict(responses, "conflict", "templateId");
            asAdmin().get("/beta/servicePrincipals/" + spId + "/synchronization/jobs").then().statusCode(200)
                    .body("value.size()", equalTo(1));
        }
    }

    @Test
    void parallelServicePrincipalCreationWithOneAppIdCreatesOne() throws Exception {
        for (int round = 0; round < 3; round++) {
            String appId = UUID.randomUUID().toString();
            List<Response> responses = race(i -> () -> json("{\"appId\":\"" + appId + "\",\"displayName\":\"race-"
                    + i + "\"}").post("/beta/servicePrincipals"));
            assertOneCreatedOthersConflict(responses, "Request_MultipleObjectsWithSameKeyValue", "appId");
            asAdmin().queryParam("$filter", "appId eq '" + appId + "'").get("/beta/servicePrincipals")
                    .then().statusCode(200).body("value.size()", equalTo(1));
        }
    }

    @Test
    void parallelSecretReplacementsApplyWholeInOrderWithIncreasingVersions() throws Exception {
        String spId = GraphClient.newServicePrincipal("race-secrets");
        try (TopicProbe secrets = TopicProbe.fromNow(Topics.SECRETS)) {
            List<Response> responses = race(i -> () -> json("{\"value\":[{\"key\":\"BaseAddress\",\"value\":"
                    + "\"https://scim.example/v" + i + "\"},{\"key\":\"SecretToken\",\"value\":\"token-" + i + "\"}]}")
                    .put("/beta/servicePrincipals/" + spId + "/synchronization/secrets"));
            long applied = responses.stream().filter(r -> r.statusCode() == 204).count();
            for (Response response : responses) {
                assertThat(response.statusCode()).as(response.asString()).isIn(204, 409);
            }
            assertThat(applied).isGreaterThan(0);

            String stored = asAdmin().get("/beta/servicePrincipals/" + spId + "/synchronization").then()
                    .statusCode(200).extract().path("secrets.find { it.key == 'BaseAddress' }.value");
            int winner = Integer.parseInt(stored.substring(stored.lastIndexOf('v') + 1));
            // the set is whole: the token belongs to the same request as the base address
            SecretBox transport = new SecretBox(transportKey, List.of());
            assertThat(storedVersion(UUID.fromString(spId))).isEqualTo(applied - 1);

            List<ConsumerRecord<String, String>> published = secrets.await(TopicProbe.keyed(spId), (int) applied,
                    Duration.ofSeconds(20));
            assertThat(published).hasSize((int) applied);
            // each set carries its version, so a mirror can ignore an older one that arrives late
            assertThat(published).extracting(r -> EventCodec.decode(r.value(), SecretsChanged.class)
                    .secretsVersion()).containsExactlyElementsOf(LongStream.range(0, applied)
                    .boxed().toList());
            String last = transport.open(EventCodec.decode(published.get(published.size() - 1).value(),
                    SecretsChanged.class).sealed(), spId);
            assertThat(last).contains("https://scim.example/v" + winner).contains("token-" + winner);
        }
    }

    @Test
    void aCommandThatLosesTheRaceForItsJobRowRunsAgainInsteadOfAnswering409() throws Exception {
        String[] job = GraphClient.newJob();
        CountDownLatch rowChanged = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        ExecutorService writer = Executors.newSingleThreadExecutor();
        try {
            // Another writer (in production: the status of a finishing cycle) holds the job's row, changed, uncommitted
            Future<?> concurrent = writer.submit(() -> QuarkusTransaction.requiringNew().run(() -> {
                SynchronizationJob row = SynchronizationJob.findById(job[1]);
                row.replaceSettings(List.of(new KeyValuePair("ChangedMeanwhile", "true")));
                SynchronizationJob.getEntityManager().flush();
                rowChanged.countDown();
                try {
                    commit.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            rowChanged.await();
            ExecutorService admin = Executors.newSingleThreadExecutor();
            try {
                Future<Response> pause = admin.submit(() -> asAdmin().post(GraphClient.jobPath(job) + "/pause"));
                // the pause read the old version and now waits for the row lock; once the writer commits, its
                // version check fails and it must run again on the new row
                Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> waitingForLocks() > 0);
                commit.countDown();
                concurrent.get();
                pause.get().then().statusCode(204);
            } finally {
                admin.shutdownNow();
            }
        } finally {
            commit.countDown();
            writer.shutdownNow();
        }
        GraphClient.getJob(job).body("status.code", equalTo("Paused"))
                .body("synchronizationJobSettings.find { it.name == 'ChangedMeanwhile' }.value", equalTo("true"));
    }

    private static long waitingForLocks() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) SynchronizationJob.getEntityManager()
                .createNativeQuery("select count(*) from pg_stat_activity where wait_event_type = 'Lock' "
                        + "and datname = current_database()").getSingleResult()).longValue());
    }

    private static long storedVersion(UUID spId) {
        return QuarkusTransaction.requiringNew().call(
                () -> ServicePrincipalSecret.<ServicePrincipalSecret>findById(spId).version);
    }

    private static void assertOneCreatedOthersConflict(List<Response> responses, String code, String target) {
        assertThat(responses.stream().filter(r -> r.statusCode() == 201)).hasSize(1);
        for (Response response : responses) {
            if (response.statusCode() != 201) {
                response.then().statusCode(409)
                        .body("error.code", equalTo(code))
                        .body("error.target", equalTo(target))
                        .body("error.message", notNullValue())
                        .body("error.innerError.request-id", notNullValue());
            }
        }
    }

    /** Sends {@link #PARALLEL} requests as close to each other as the threads allow. */
    static List<Response> race(IntFunction<Callable<Response>> request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Response>> futures = new ArrayList<>();
            for (int i = 0; i < PARALLEL; i++) {
                Callable<Response> call = request.apply(i);
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<Response> responses = new ArrayList<>();
            for (Future<Response> future : futures) {
                responses.add(future.get());
            }
            return responses;
        } finally {
            pool.shutdownNow();
        }
    }
}

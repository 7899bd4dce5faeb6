package org.opensync.provisioner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.opensync.provisioner.cds.ConnectorDataStore;
import org.opensync.provisioner.cds.Link;

/**
 * Link saves that workers of several jobs make at the same time share statements; a row the database refuses must
 * fail its own save only, never the saves of other objects or other jobs grouped with it.
 */
@QuarkusTest
class LinkSavesTest extends ProvisionerTestBase {
    private static final int SAVES = 48;

    @Inject
    ConnectorDataStore links;

    @Test
    void aRowTheDatabaseRefusesFailsOnlyItsOwnSave() throws Exception {
        String healthyJob = UUID.randomUUID().toString();
        String hostileJob = UUID.randomUUID().toString();
        int refused = SAVES / 2 + 1;
        ExecutorService workers = Executors.newFixedThreadPool(SAVES);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> saves = new ArrayList<>();
        try {
            for (int i = 0; i < SAVES; i++) {
                String job = i % 2 == 0 ? healthyJob : hostileJob;
                // a hostile target's id longer than the column holds: the database refuses that row
                String targetId = i == refused ? "x".repeat(501) : "id-" + i;
                Link link = new Link("anchor-" + i, "User", "uid=user" + i + ",ou=people,dc=example,dc=org",
                        targetId, false, Map.of("userName", "user" + i));
                saves.add(workers.submit(() -> {
                    start.await();
                    links.save(job, link);
                    return null;
                }));
            }
            // all at once, so that most saves wait for a slot and go out grouped
            start.countDown();
            for (int i = 0; i < SAVES; i++) {
                Future<?> save = saves.get(i);
                if (i == refused) {
                    assertThatThrownBy(save::get).as("the refused row's own save").isInstanceOf(
                            ExecutionException.class).hasCauseInstanceOf(IllegalStateException.class);
                } else {
                    save.get();
                }
            }
        } finally {
            workers.shutdownNow();
        }

        List<String> evenAnchors = IntStream.range(0, SAVES).filter(i -> i % 2 == 0).mapToObj(i -> "anchor-" + i)
                .toList();
        List<String> oddAnchors = IntStream.range(0, SAVES).filter(i -> i % 2 == 1).mapToObj(i -> "anchor-" + i)
                .toList();
        assertThat(links.find(healthyJob, evenAnchors)).as("the other job's links").hasSize(SAVES / 2);
        assertThat(links.find(hostileJob, oddAnchors)).as("the refused row's own job keeps its other links")
                .hasSize(SAVES / 2 - 1).doesNotContainKey("anchor-" + refused);
    }
}

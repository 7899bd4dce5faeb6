package org.opensync.e2e;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.opensync.sandbox.directory.SlapdTestDirectory;
import org.opensync.sandbox.ldap.DirectoryData;
import org.opensync.sandbox.ldap.DirectoryDataGenerator;
import org.opensync.sandbox.ldap.GeneratedUser;
import org.opensync.sandbox.scim.ScimServer;
import org.opensync.sandbox.scim.ScimServerConfig;

/**
 * Prints figures; asserts nothing about speed. Initial cycle of {@code bench.users} users and {@code bench.groups}
 * groups from OpenLDAP slapd to the sandbox SCIM app, the latency of one change in steady state, and the peak RSS
 * of each service. Run: {@code mvn -B verify -pl e2e-tests -Pbench -Dbench.users=10000} after building the services.
 */
class ProvisioningBenchmark {
    private static final String TOKEN = "bench-token";

    @Test
    void provisioning() throws Exception {
        int users = Integer.getInteger("bench.users", 10_000);
        int groups = Integer.getInteger("bench.groups", 100);
        DirectoryDataGenerator generator = new DirectoryDataGenerator();
        DirectoryData data = generator.generate(users, groups);
        try (SlapdTestDirectory directory = new SlapdTestDirectory();
             ScimServer scim = new ScimServer(ScimServerConfig.defaults().withBearerToken(TOKEN)
                     .withJournalCapacity(1000).withThreads(32)).start();
             Platform platform = new Platform().start(Duration.ofSeconds(2),
                     Map.of("sync.provisioner.parallelism", "32"))) {
            Instant loading = Instant.now();
            load(directory, data);
            System.out.printf("BENCH loaded %d users and %d groups into slapd in %.1f s%n", users, groups,
                    seconds(loading));

            ProvisioningJob job = ProvisioningJob.create(platform, directory, scim, TOKEN);
            Instant started = Instant.now();
            job.start();
            Awaitility.await().atMost(Duration.ofHours(2)).pollInterval(Duration.ofMillis(200))
                    .until(() -> scim.users().size() >= users && scim.groups().size() >= groups);
            double initial = seconds(started);
            job.awaitCycleAfter(started, Duration.ofMinutes(30), "Succeeded", "EntryLevelErrors");
            double cycle = seconds(started);
            System.out.printf("BENCH initial cycle: %d objects exported in %.1f s = %.0f objects/s "
                    + "(cycle reported finished after %.1f s)%n", users + groups, initial, (users + groups) / initial,
                    cycle);

            List<Double> latencies = new ArrayList<>();
            for (int i = 0; i < 7; i++) {
                GeneratedUser user = data.users().get(i * 7);
                String title = "Latency probe " + i;
                Instant changed = Instant.now();
                directory.modify(directory.userDn(user.uid()), "title", title);
                Awaitility.await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(20)).until(() ->
                        title.equals(scim.users().find("userName eq \"" + user.mail() + "\"").get(0).path("title")
                                .asText()));
                latencies.add(seconds(changed));
            }
            Collections.sort(latencies);
            System.out.printf("BENCH steady-state latency of one change (LDAP modify -> SCIM PATCH applied, interval "
                    + "PT2S): median %.2f s, max %.2f s over %d changes%n", latencies.get(latencies.size() / 2),
                    latencies.get(latencies.size() - 1), latencies.size());
            platform.printPeakRss();
        }
    }

    /** Several writes in flight at once (the connection pipelines them): slapd writes faster than one client. */
    private static void load(SlapdTestDirectory directory, DirectoryData data) throws Exception {
        ExecutorService writers = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> pending = new ArrayList<>();
            for (GeneratedUser user : data.users()) {
                pending.add(writers.submit(() -> directory.addUser(user)));
            }
            for (Future<?> future : pending) {
                future.get();
            }
        } finally {
            writers.shutdown();
        }
        data.groups().forEach(directory::addGroup);
    }

    private static double seconds(Instant since) {
        return Duration.between(since, Instant.now()).toMillis() / 1000.0;
    }
}

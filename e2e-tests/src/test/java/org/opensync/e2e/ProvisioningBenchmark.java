package org.opensync.e2e;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.opensync.sandbox.directory.SlapdTestDirectory;
import org.opensync.sandbox.ldap.DirectoryData;
import org.opensync.sandbox.ldap.DirectoryDataGenerator;
import org.opensync.sandbox.ldap.GeneratedUser;
import org.opensync.sandbox.scim.JournalEntry;
import org.opensync.sandbox.scim.FaultRule;
import org.opensync.sandbox.scim.ScimServer;
import org.opensync.sandbox.scim.ScimServerConfig;

/**
 * Prints figures and writes them as JSON ({@code target/bench/provisioning-<users>.json}); asserts nothing about
 * speed. Initial cycle of {@code bench.users} users and {@code bench.groups} groups from OpenLDAP slapd to the sandbox
 * SCIM app (objects/s, CPU seconds per 1,000 objects for each service and for PostgreSQL, Kafka, slapd and this JVM
 * beside them: {@link InfrastructureCpu}), the SCIM app's own ceiling measured right after
 * with the same concurrency (and our rate as a share of it), the latency of changes under a steady load of
 * {@code bench.changes-per-second} LDAP modifies for {@code bench.change-seconds} (LDAP modify → SCIM PATCH received,
 * p50/p95/p99), and each service's idle and peak RSS. Run: {@code mvn -B verify -pl e2e-tests -Pbench
 * -Dbench.users=10000} after building the services. With {@code bench.provisioners} above 1, the job's changes are
 * spread over every partition and that many provisioner instances share its cycle (docs/scaling.md);
 * {@code bench.target-latency-ms} makes the SCIM app answer each request of the initial cycle that much later, and
 * {@code bench.parallelism} sets the objects each instance has under way per job (the provisioner's default when
 * absent).
 */
class ProvisioningBenchmark {
    private static final String TOKEN = "bench-token";
    private static final int CONNECTIONS = 32;
    private static final Pattern PROBE = Pattern.compile("Probe \\d+");

    @Test
    void provisioning() throws Exception {
        int users = Integer.getInteger("bench.users", 10_000);
        int groups = Integer.getInteger("bench.groups", 100);
        int changesPerSecond = Integer.getInteger("bench.changes-per-second", 50);
        int changeSeconds = Integer.getInteger("bench.change-seconds", 20);
        // A long interval shows push mode: changes then reach the target on the source's bell, not on a tick
        Duration interval = Duration.parse(System.getProperty("bench.interval", "PT2S"));
        int provisioners = Integer.getInteger("bench.provisioners", 1);
        int targetLatencyMs = Integer.getInteger("bench.target-latency-ms", 0);
        Integer parallelism = Integer.getInteger("bench.parallelism");
        BenchReport report = new BenchReport("provisioning-" + users + (provisioners > 1 ? "-x" + provisioners : "")
                + (targetLatencyMs > 0 ? "-latency-" + targetLatencyMs : "")).put("users", users).put("groups", groups)
                .put("provisioners", provisioners).put("targetLatencyMs", targetLatencyMs)
                .put("parallelism", parallelism == null ? "default" : parallelism);
        Map<String, String> settings = new HashMap<>(Map.of(
                "sync.change-detector.spread-job-changes", Boolean.toString(provisioners > 1),
                "SYNC_PROVISIONER_PARTITION_FETCH_BYTES", provisioners > 1
                        ? Platform.SPREAD_PARTITION_FETCH_BYTES : "1048576"));
        if (parallelism != null) {
            settings.put("sync.provisioner.parallelism", parallelism.toString());
        }
        DirectoryDataGenerator generator = new DirectoryDataGenerator();
        DirectoryData data = generator.generate(users, groups);
        try (SlapdTestDirectory directory = new SlapdTestDirectory();
             ScimServer scim = new ScimServer(ScimServerConfig.defaults().withBearerToken(TOKEN)
                     .withJournalCapacity(4 * changesPerSecond * changeSeconds).withThreads(CONNECTIONS)).start();
             Platform platform = new Platform().start(interval, settings)) {
            for (int instance = 2; instance <= provisioners; instance++) {
                platform.startAnother("provisioner");
            }
            report.put("idleRssMib", platform.rssMib());
            Instant loading = Instant.now();
            load(directory, data);
            System.out.printf("BENCH loaded %d users and %d groups into slapd in %.1f s%n", users, groups,
                    seconds(loading));

            ProvisioningJob job = ProvisioningJob.create(platform, directory, scim, TOKEN);
            if (targetLatencyMs > 0) {
                scim.faults().add(FaultRule.latency(Duration.ofMillis(targetLatencyMs)));
            }
            scim.counters().reset();
            Map<String, Duration> cpuBefore = platform.cpuTimes();
            Map<String, Duration> infrastructureBefore = InfrastructureCpu.now();
            Instant started = Instant.now();
            job.start();
            Awaitility.await().atMost(Duration.ofHours(2)).pollInterval(Duration.ofMillis(200))
                    .until(() -> scim.users().size() >= users && scim.groups().size() >= groups);
            double initial = seconds(started);
            job.awaitCycleAfter(started, Duration.ofMinutes(30), "Succeeded", "EntryLevelErrors");
            double cycle = seconds(started);
            double rate = (users + groups) / initial;
            System.out.printf("BENCH initial cycle: %d objects exported in %.1f s = %.0f objects/s "
                    + "(cycle reported finished after %.1f s)%n", users + groups, initial, rate, cycle);
            Map<String, Long> requests = scim.counters().requestsByMethod();
            System.out.printf("BENCH target requests during the initial cycle: %s%n", requests);
            report.put("initialCycleRequestsByMethod", requests);
            Map<String, Double> cpuPerThousand = cpuPerThousand(cpuBefore, platform.cpuTimes(), users + groups);
            Map<String, Double> infrastructurePerThousand = cpuPerThousand(infrastructureBefore,
                    InfrastructureCpu.now(), users + groups);
            cpuPerThousand.forEach((name, cpu) -> System.out.printf("BENCH CPU %-18s %6.2f s per 1,000 objects%n",
                    name, cpu));
            infrastructurePerThousand.forEach((name, cpu) -> System.out.printf(
                    "BENCH CPU %-18s %6.2f s per 1,000 objects (beside the services)%n", name, cpu));
            report.put("initialCycleSeconds", initial).put("initialObjectsPerSecond", rate)
                    .put("cpuSecondsPer1000Objects", cpuPerThousand)
                    .put("infrastructureCpuSecondsPer1000Objects", infrastructurePerThousand);

            scim.faults().clear();
            double ceiling = ScimCeiling.usersPerSecond(scim.baseUrl(), TOKEN, users, CONNECTIONS);
            System.out.printf("BENCH target ceiling: the SCIM app took %.0f POST /Users per second from %d "
                    + "connections; the initial cycle ran at %.1f %% of it%n", ceiling, CONNECTIONS,
                    100 * rate / ceiling);
            report.put("targetCeilingUsersPerSecond", ceiling).put("shareOfCeilingPercent", 100 * rate / ceiling);

            Map<String, Double> latency = BenchReport.percentiles(changeLatencies(directory, scim, data,
                    changesPerSecond, changeSeconds));
            System.out.printf("BENCH latency under %d changes/s for %d s (LDAP modify -> SCIM PATCH received, "
                    + "interval %s): p50 %.2f s, p95 %.2f s, p99 %.2f s, max %.2f s%n", changesPerSecond,
                    changeSeconds, interval, latency.get("p50"), latency.get("p95"), latency.get("p99"),
                    latency.get("max"));
            report.put("changesPerSecond", changesPerSecond).put("interval", interval.toString())
                    .put("changeLatencySeconds", latency);
            platform.printPeakRss();
            report.put("peakRssMib", platform.peakRssMib()).write();
        }
    }

    /**
     * Modifies a title {@code perSecond} times a second for {@code seconds}, each user at most once, then reads from
     * the SCIM app's request journal when each change arrived as a PATCH.
     */
    private static List<Double> changeLatencies(SlapdTestDirectory directory, ScimServer scim, DirectoryData data,
                                                int perSecond, int seconds) throws Exception {
        int changes = Math.min(perSecond * seconds, data.users().size());
        scim.journal().clear();
        Map<String, Instant> changed = new ConcurrentHashMap<>();
        ScheduledExecutorService writer = Executors.newSingleThreadScheduledExecutor();
        AtomicInteger next = new AtomicInteger();
        try {
            writer.scheduleAtFixedRate(() -> {
                int i = next.getAndIncrement();
                if (i < changes) {
                    String title = "Probe " + i;
                    directory.modify(directory.userDn(data.users().get(i).uid()), "title", title);
                    changed.put(title, Instant.now());
                }
            }, 0, 1_000_000 / perSecond, TimeUnit.MICROSECONDS);
            Awaitility.await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(500))
                    .until(() -> changed.size() == changes && arrivals(scim).keySet().containsAll(changed.keySet()));
        } finally {
            writer.shutdownNow();
        }
        Map<String, Instant> arrived = arrivals(scim);
        return changed.entrySet().stream().map(e -> Duration.between(e.getValue(), arrived.get(e.getKey()))
                .toMillis() / 1000.0).toList();
    }

    /** When the SCIM app received each probe title, from its request journal. */
    private static Map<String, Instant> arrivals(ScimServer scim) {
        Map<String, Instant> arrived = new HashMap<>();
        for (JournalEntry patch : scim.journal().matching("PATCH", ".*/Users/.*")) {
            Matcher probe = PROBE.matcher(patch.body());
            if (probe.find()) {
                arrived.putIfAbsent(probe.group(), patch.time());
            }
        }
        return arrived;
    }

    private static Map<String, Double> cpuPerThousand(Map<String, Duration> before, Map<String, Duration> after,
                                                      int objects) {
        Map<String, Double> perThousand = new LinkedHashMap<>();
        after.forEach((name, used) -> perThousand.put(name,
                used.minus(before.getOrDefault(name, Duration.ZERO)).toMillis() / (double) objects));
        return perThousand;
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

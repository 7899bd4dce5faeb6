package org.opensync.e2e;

import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.SearchScope;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.opensync.sandbox.directory.SlapdTestDirectory;

/**
 * Prints figures; asserts nothing about speed. HR → directory ingest: {@code bench.records} users posted to
 * {@code bulkUpload} in requests of 50 operations (Entra's limit) by {@code bench.uploaders} clients at once, until
 * the last entry is written to OpenLDAP slapd by a job of the API2LDAP template; the per-job rate limit is lifted (the
 * default, Entra's 40 requests per 5 s, caps a job at 400 records/s). Run: {@code mvn -B verify -pl e2e-tests -Pbench
 * -Dit.test=InboundBenchmark -Dbench.records=10000} after building the services.
 */
class InboundBenchmark {
    private static final int PER_REQUEST = 50;

    @Test
    void bulkUploadToSlapd() throws Exception {
        int records = Integer.getInteger("bench.records", 10_000);
        int uploaders = Integer.getInteger("bench.uploaders", 4);
        try (SlapdTestDirectory directory = new SlapdTestDirectory();
             Platform platform = new Platform().start(Duration.ofSeconds(2), Map.of(
                     "sync.job-api.bulk-upload.requests-per-window", "1000000",
                     "sync.job-api.bulk-upload.tenant-requests-per-window", "1000000"))) {
            String base = directory.baseDn();
            directory.addContainers("ou=leavers");
            ProvisioningJob job = ProvisioningJob.create(platform, "API2LDAP", Map.of("TargetServer",
                    directory.url(), "TargetUserName", directory.bindDn(), "TargetPassword", directory.password(),
                    "TargetDomain", base, "DisableMode", "MoveToLeavers", "LeaversContainer", "ou=leavers," + base));
            // Every department falls to the default container, which the template names in the sample directory
            job.editSchema(schema -> schema.replace(SlapdTestDirectory.SUFFIX, base));
            job.start();

            List<String> requests = new ArrayList<>();
            for (int first = 0; first < records; first += PER_REQUEST) {
                requests.add(BulkRequests.of(IntStream.range(first, Math.min(first + PER_REQUEST, records))
                        .mapToObj(i -> BulkRequests.hire(i, "Logistics", "Engineer", true,
                                i % PER_REQUEST == 0 ? null : "E-" + i / PER_REQUEST * PER_REQUEST))
                        .toList()));
            }
            Instant started = Instant.now();
            upload(job, requests, uploaders);
            double accepted = seconds(started);
            System.out.printf("BENCH bulkUpload accepted %d records in %d requests (%d clients) in %.1f s = %.0f "
                    + "records/s%n", records, requests.size(), uploaders, accepted, records / accepted);
            Awaitility.await().atMost(Duration.ofHours(1)).pollInterval(Duration.ofMillis(250))
                    .until(() -> entries(directory) >= records);
            double written = seconds(started);
            System.out.printf("BENCH bulkUpload -> slapd: %d records written in %.1f s = %.0f records/s end to end "
                    + "(first POST to last entry)%n", records, written, records / written);
            platform.printPeakRss();
        }
    }

    private static void upload(ProvisioningJob job, List<String> requests, int uploaders) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(uploaders);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            requests.forEach(body -> answers.add(clients.submit(() -> job.bulkUpload(body).statusCode())));
            for (Future<Integer> answer : answers) {
                if (answer.get() != 202) {
                    throw new IllegalStateException("bulkUpload answered " + answer.get());
                }
            }
        } finally {
            clients.shutdown();
        }
    }

    /** The entries below the job's people container, counted without reading them. */
    private static int entries(SlapdTestDirectory directory) throws LDAPException {
        return directory.connection().search("ou=people," + directory.baseDn(), SearchScope.ONE,
                "(objectClass=inetOrgPerson)", "1.1").getEntryCount();
    }

    private static double seconds(Instant since) {
        return Duration.between(since, Instant.now()).toMillis() / 1000.0;
    }
}

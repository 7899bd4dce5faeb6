package org.opensync.provisioner.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opensync.common.events.ObjectChange;
import org.opensync.common.lease.JobLeases;
import org.opensync.provisioner.ProvisionerConfig;
import org.opensync.testing.InfraEndpoints;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A batch interrupted while an export of its job is under way (the instance shutting down in a rolling deployment)
 * must not let another instance start on the job before that export ended: both would create the same object.
 */
class JobWorkersTest {
    private static final String JOB = "job-workers-test";
    private static final Duration LEASE = Duration.ofSeconds(30);
    private static PGSimpleDataSource dataSource;

    @BeforeAll
    static void leaseTable() throws SQLException {
        dataSource = new PGSimpleDataSource();
        dataSource.setUrl(InfraEndpoints.freshDatabase("provisioner_job_workers"));
        dataSource.setUser(InfraEndpoints.postgresUser());
        dataSource.setPassword(InfraEndpoints.postgresPassword());
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("""
                    create table job_lease (job_id varchar(200) primary key, owner varchar(100) not null,
                    expires_at timestamptz not null)""");
        }
    }

    @Test
    void anExportStillRunningWhenItsBatchIsInterruptedKeepsTheJobFromOtherInstances() throws Exception {
        JobLeases leases = new JobLeases(dataSource, LEASE);
        JobLeases otherInstance = new JobLeases(dataSource, LEASE);
        JobWorkers workers = new JobWorkers(config(), leases);
        CountDownLatch exporting = new CountDownLatch(1);
        CountDownLatch targetAnswered = new CountDownLatch(1);
        leases.acquire(JOB);
        // As ObjectChangeConsumer works a job's share of a batch: the turn is given back however the batch ends
        Thread batch = new Thread(() -> {
            try {
                workers.forEach(JOB, List.of(JOB), workers.deadline(), List.of(change()), object -> {
                    exporting.countDown();
                    awaitQuietly(targetAnswered);
                }, late -> { });
            } catch (IllegalStateException interrupted) {
                // the batch is abandoned; its offsets were not committed
            } finally {
                leases.release(JOB);
            }
        });
        batch.start();
        exporting.await();
        batch.interrupt();
        batch.join();

        assertThat(otherInstance.tryAcquire(JOB)).as("another instance while the export runs").isFalse();
        targetAnswered.countDown();
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> otherInstance.tryAcquire(JOB));
        leases.close();
        otherInstance.close();
    }

    private static ObjectChange.ObjectChanged change() {
        return new ObjectChange.ObjectChanged("event-1", Instant.now(), JOB, "cycle-1", "User", "anchor-1",
                "uid=a,dc=example,dc=org", false, Map.of("uid", List.of("a")));
    }

    /** A request already on its way to the target is not undone by an interrupt. */
    private static void awaitQuietly(CountDownLatch latch) {
        boolean interrupted = false;
        while (true) {
            try {
                latch.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static ProvisionerConfig config() {
        return (ProvisionerConfig) Proxy.newProxyInstance(ProvisionerConfig.class.getClassLoader(),
                new Class<?>[] {ProvisionerConfig.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "parallelism" -> 2;
                    case "jobBatchBudget" -> Duration.ofMinutes(1);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}

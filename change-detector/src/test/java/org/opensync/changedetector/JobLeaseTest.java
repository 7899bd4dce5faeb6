package org.opensync.changedetector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.opensync.common.events.Tick;
import org.opensync.common.events.Topics;
import org.opensync.common.lease.JobLeases;
import org.opensync.common.mirror.SchemaMirror;
import org.opensync.common.mirror.SecretsMirror;
import org.opensync.sandbox.directory.InMemoryTestDirectory;
import org.opensync.sandbox.directory.TestDirectory;
import org.opensync.sandbox.ldap.DirectoryDataGenerator;
import org.opensync.testing.TopicProbe;

/**
 * One instance at a time reads a job: two holders of the leases on this service's database never hold one job at
 * once, and a tick of a job another instance holds is not lost but runs once the other instance's lease ends.
 */
@QuarkusTest
class JobLeaseTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Inject
    AgroalDataSource dataSource;

    @Inject
    SchemaMirror schemas;

    @Inject
    SecretsMirror secrets;

    @Test
    void twoInstancesNeverHoldOneJob() {
        String jobId = "scim.lease." + UUID.randomUUID();
        try (JobLeases first = new JobLeases(dataSource, Duration.ofSeconds(30));
             JobLeases second = new JobLeases(dataSource, Duration.ofSeconds(30))) {
            assertThat(first.tryAcquire(jobId)).isTrue();
            assertThat(second.tryAcquire(jobId)).isFalse();
            first.ensureHeld(jobId);
            assertThatThrownBy(() -> second.ensureHeld(jobId)).isInstanceOf(JobLeases.LeaseLostException.class);

            assertThat(first.tryAcquire(jobId)).as("a second hold of the holder").isTrue();
            first.release(jobId);
            assertThat(second.tryAcquire(jobId)).as("the first still holds it once").isFalse();
            first.release(jobId);
            assertThat(second.tryAcquire(jobId)).isTrue();
            assertThat(first.tryAcquire(jobId)).isFalse();
            second.release(jobId);
        }
    }

    @Test
    void aLeaseNotRenewedEndsAndTheHolderStops() {
        String jobId = "scim.lease." + UUID.randomUUID();
        JobLeases crashed = new JobLeases(dataSource, Duration.ofSeconds(1));
        try (JobLeases survivor = new JobLeases(dataSource, Duration.ofSeconds(30))) {
            assertThat(crashed.tryAcquire(jobId)).isTrue();
            crashed.close(); // no more renewals, as after a crash
            assertThat(survivor.tryAcquire(jobId)).isFalse();
            Awaitility.await().atMost(TIMEOUT).until(() -> survivor.tryAcquire(jobId));
            assertThatThrownBy(() -> crashed.ensureHeld(jobId)).isInstanceOf(JobLeases.LeaseLostException.class);
            survivor.release(jobId);
        }
    }

    @Test
    void aTickOfAJobAnotherInstanceHoldsRunsWhenItsLeaseEnds() throws Exception {
        try (TestDirectory directory = new InMemoryTestDirectory();
             TopicProbe changes = TopicProbe.fromNow(Topics.OBJECT_CHANGES)) {
            directory.load(new DirectoryDataGenerator().generate(3, 1));
            SourceJob job = new SourceJob();
            job.publishSchema();
            job.publishSecretsFor(directory);
            Awaitility.await().atMost(TIMEOUT).until(() -> schemas.schemaOf(job.jobId).isPresent()
                    && secrets.secretsOf(job.servicePrincipalId).isPresent());
            Instant expires = leaseOfAnotherInstance(job.jobId, Duration.ofSeconds(4));

            job.tick(Tick.CycleKind.Initial, Set.of());

            ConsumerRecord<String, String> completed = changes.awaitOne(r -> r.key().equals(job.jobId + ":cycle")
                    && r.value().contains("CycleReadCompleted"), TIMEOUT);
            assertThat(Instant.ofEpochMilli(completed.timestamp())).as("not read while the other instance held it")
                    .isAfter(expires);
            assertThat(changes.records(r -> r.key().startsWith(job.jobId + ":") && r.value().contains("CycleBegan")))
                    .hasSize(1);
        }
    }

    private Instant leaseOfAnotherInstance(String jobId, Duration lease) throws Exception {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("""
                     insert into job_lease (job_id, owner, expires_at)
                     values (?, 'another-instance', now() + ?::interval) returning expires_at""")) {
            insert.setString(1, jobId);
            insert.setString(2, lease.toMillis() + " milliseconds");
            try (ResultSet row = insert.executeQuery()) {
                row.next();
                return row.getTimestamp(1).toInstant();
            }
        }
    }
}

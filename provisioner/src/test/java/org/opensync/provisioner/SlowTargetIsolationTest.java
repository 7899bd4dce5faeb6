package org.opensync.provisioner;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opensync.common.events.EventCodec;
import org.opensync.common.events.JobEvent;
import org.opensync.sandbox.ldap.DirectoryDataGenerator;
import org.opensync.sandbox.scim.FaultRule;
import org.opensync.sandbox.scim.ScimServer;
import org.opensync.sandbox.scim.ScimServerConfig;

/** One job's hanging target must not hold back another job's cycle. */
@QuarkusTest
@TestProfile(SlowTargetIsolationTest.ShortBudget.class)
class SlowTargetIsolationTest extends ProvisionerTestBase {
    private static ScimServer hanging;

    /** A job gets three seconds per batch, so the test need not wait for minutes. */
    public static class ShortBudget implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("sync.provisioner.job-batch-budget", "PT3S");
        }
    }

    @BeforeAll
    static void startHangingTarget() {
        hanging = new ScimServer(ScimServerConfig.defaults().withBearerToken(TOKEN)).start();
        hanging.faults().add(FaultRule.latency(Duration.ofSeconds(40)));
    }

    @AfterAll
    static void stopHangingTarget() {
        hanging.stop();
    }

    @Test
    void aJobWhoseTargetHangsDoesNotHoldBackTheOthers() throws Exception {
        TargetJob stuck = new TargetJob();
        stuck.publishSchema(null);
        stuck.publishSecrets(hanging, TOKEN, Map.of());
        awaitMirrored(stuck);
        TargetJob healthy = ready(null, Map.of());
        DirectoryDataGenerator generator = new DirectoryDataGenerator();

        String stuckCycle = stuck.cycle(Set.of(), initialImages(stuck, generator.generate(3, 0)));
        String healthyCycle = healthy.cycle(Set.of(), initialImages(healthy, generator.generate(3, 0)));

        ConsumerRecord<String, String> done = jobEvents.awaitOne(r -> r.key().equals(healthy.jobId)
                && r.value().contains("CycleFinished") && r.value().contains(healthyCycle), Duration.ofSeconds(25));
        assertThat(((JobEvent.CycleFinished) EventCodec.decode(done.value(), JobEvent.class)).result())
                .isEqualTo(JobEvent.CycleResult.Succeeded);
        assertThat(scim.users().size()).isEqualTo(3);

        JobEvent.CycleFinished slow = finished(stuck, stuckCycle);
        assertThat(slow.result()).isNotEqualTo(JobEvent.CycleResult.Succeeded);
        assertThat(slow.counts().get("countEscrowedRaw")).as("left for a later cycle").isEqualTo(3);
    }
}

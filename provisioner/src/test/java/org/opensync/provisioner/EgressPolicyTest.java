package org.opensync.provisioner;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.opensync.common.events.JobEvent;
import org.opensync.sandbox.ldap.DirectoryDataGenerator;

/**
 * A BaseAddress pointing at the platform's database, a cloud metadata endpoint, one of the platform's services or
 * anything on loopback fails the job's cycle with the egress policy's error, and nothing is sent.
 */
@QuarkusTest
@TestProfile(EgressPolicyTest.LoopbackRefused.class)
class EgressPolicyTest extends ProvisionerTestBase {

    /** The production default: loopback refused. */
    public static class LoopbackRefused implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("sync.egress.allow-loopback", "false");
        }
    }

    @Test
    void internalDestinationsFailTheCycleWithThePolicysError() throws Exception {
        Map<String, String> refusals = new LinkedHashMap<>();
        refusals.put("http://127.0.0.1:5432/scim", "Egress policy refused 127.0.0.1:5432: port 5432 belongs to the "
                + "platform or its infrastructure (sync.egress.denied-ports)");
        refusals.put("http://169.254.169.254/latest/meta-data", "Egress policy refused 169.254.169.254:80: link-local "
                + "and cloud metadata addresses are not allowed (sync.egress)");
        refusals.put("http://127.0.0.1:8081/beta", "Egress policy refused 127.0.0.1:8081: port 8081 belongs to the "
                + "platform or its infrastructure (sync.egress.denied-ports)");
        refusals.put(scim.baseUrl(), "Egress policy refused 127.0.0.1:" + scim.port() + ": loopback addresses are "
                + "not allowed (sync.egress.allow-loopback)");
        for (Map.Entry<String, String> refusal : refusals.entrySet()) {
            TargetJob job = ready(null, Map.of("BaseAddress", refusal.getKey()));
            JobEvent.CycleFinished cycle = finished(job, job.cycle(Set.of(),
                    initialImages(job, new DirectoryDataGenerator().generate(2, 0))));
            assertThat(cycle.result()).as(refusal.getKey()).isEqualTo(JobEvent.CycleResult.Failed);
            assertThat(cycle.error()).as(refusal.getKey())
                    .isEqualTo(new JobEvent.CycleError("EgressDenied", refusal.getValue(), true));
        }
        assertThat(scim.journal().entries()).isEmpty();
    }
}

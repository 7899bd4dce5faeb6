package org.opensync.provisioner;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.opensync.common.events.JobEvent;
import org.opensync.sandbox.ldap.DirectoryData;
import org.opensync.sandbox.ldap.DirectoryDataGenerator;
import org.opensync.sandbox.scim.FaultRule;
import org.opensync.testing.PrometheusScrape;

/** After a cycle, what {@code /q/metrics} shows for the job equals the cycle's counts and provisioning logs. */
@QuarkusTest
class ProvisioningMetricsTest extends ProvisionerTestBase {

    @Test
    void theCountersOfAJobEqualTheCountsOfItsCycle() throws Exception {
        DirectoryData data = new DirectoryDataGenerator().generate(8, 2);
        // a request per creation, so that the target's requests can be counted against the objects
        scim.quirks().noBulk(true);
        TargetJob job = ready(null, Map.of());
        // two users the target refuses for good: failures besides the creations
        scim.faults().add(FaultRule.respond(400).onMethod("POST").onPath(".*/Users").times(2));
        String cycleId = job.cycle(Set.of(), initialImages(job, data));
        JobEvent.CycleFinished cycle = finished(job, cycleId);

        // the logs travel on their own topic: wait until the probe saw as many as the service counted
        Awaitility.await().atMost(TIMEOUT).until(() -> scrape().sum("opensync_provisioner_objects_total",
                Map.of("job", job.jobId)) == logsOf(job, cycleId).size());
        PrometheusScrape metrics = scrape();
        Map<String, Long> logged = logsOf(job, cycleId).stream().collect(Collectors.groupingBy(
                summary -> summary.provisioningAction() + "/" + summary.provisioningStatusInfo().status(),
                Collectors.counting()));
        assertThat(logged).as("the cycle both created and failed").containsKeys("create/success", "create/failure");
        logged.forEach((actionAndStatus, count) -> {
            String[] parts = actionAndStatus.split("/");
            assertThat(metrics.sum("opensync_provisioner_objects_total", Map.of("job", job.jobId,
                    "action", parts[0], "outcome", parts[1]))).as(actionAndStatus).isEqualTo(count.doubleValue());
        });
        assertThat(metrics.sum("opensync_provisioner_objects_total", Map.of("job", job.jobId, "outcome", "success")))
                .isEqualTo(cycle.counts().get("countExported").doubleValue());
        assertThat(metrics.sum("opensync_provisioner_objects_total", Map.of("job", job.jobId, "outcome", "failure")))
                .isEqualTo(cycle.counts().get("countFailures").doubleValue());
        assertThat(metrics.sum("opensync_provisioner_cycles_total", Map.of("job", job.jobId,
                "result", cycle.result().name()))).isEqualTo(1);
        assertThat(metrics.sum("opensync_provisioner_cycle_duration_seconds_count", Map.of("job", job.jobId)))
                .isEqualTo(1);
        assertThat(metrics.sum("opensync_provisioner_escrows_pending", Map.of("job", job.jobId)))
                .isEqualTo(cycle.counts().get("countEscrowedRaw").doubleValue());
        assertThat(metrics.sum("opensync_provisioner_source_to_target_lag_seconds_count", Map.of("job", job.jobId)))
                .isEqualTo(cycle.counts().get("countExported").doubleValue());
        assertThat(metrics.sum("opensync_provisioner_target_requests_seconds_count", Map.of("job", job.jobId,
                "method", "POST", "status", "201"))).as("creations the target answered")
                .isEqualTo(logged.get("create/success").doubleValue());
        assertThat(metrics.sum("opensync_provisioner_target_requests_seconds_count", Map.of("job", job.jobId,
                "method", "POST", "status", "400"))).as("creations the target refused").isEqualTo(2);
        assertThat(metrics.has("opensync_outbox_backlog")).as("the shared outbox gauges").isTrue();
        assertThat(metrics.has("kafka_consumer_fetch_manager_records_lag_max")).as("consumer lag").isTrue();
    }
}

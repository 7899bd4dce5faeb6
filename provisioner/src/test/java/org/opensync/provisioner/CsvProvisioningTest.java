package org.opensync.provisioner;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.IntStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.opensync.common.events.JobEvent;
import org.opensync.common.events.ObjectChange;

/**
 * Rows of an HR CSV file, as change-detector publishes them for a job of the CSV2SCIM template, land in the sandbox
 * SCIM application (matched by externalId = EmployeeId, the manager given by its EmployeeId resolved); rows missing
 * from a later file come as leavers and are disabled, unless there are as many as the deletion threshold: a file
 * missing 60% of its rows is held back as staged deletes.
 */
@QuarkusTest
class CsvProvisioningTest extends ProvisionerTestBase {
    private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    @Test
    void rowsAreCreatedALeaverIsDisabledAndAFileMissingMostRowsIsHeldByTheThreshold() throws Exception {
        TargetJob job = new TargetJob();
        job.publishTemplateSchema("csv2scim.json");
        job.publishSecrets(scim, TOKEN, Map.of("SyncNotificationSettings",
                "{\"DeleteThresholdEnabled\":true,\"DeleteThresholdValue\":10}"));
        awaitMirrored(job);

        String first = job.cycle(Set.of(), IntStream.range(0, 20).mapToObj(i -> row(job, i)).toList());
        assertThat(finished(job, first).result()).isEqualTo(JobEvent.CycleResult.Succeeded);
        assertThat(scim.users().size()).isEqualTo(20);
        ObjectNode e1 = byExternalId("E01");
        assertThat(e1.path("userName").asText()).isEqualTo("e01@example.org");
        assertThat(e1.path("name").path("familyName").asText()).isEqualTo("Surname01");
        assertThat(e1.path(ENTERPRISE).path("department").asText()).isEqualTo("Logistics");
        assertThat(e1.path(ENTERPRISE).path("manager").path("value").asText())
                .isEqualTo(byExternalId("E00").path("id").asText());

        String second = job.cycle(Set.of(), List.of(leaver(job, 19)));
        assertThat(finished(job, second).result()).isEqualTo(JobEvent.CycleResult.Succeeded);
        assertThat(byExternalId("E19").path("active").asBoolean()).isFalse();

        // 12 of the 20 rows missing: as many disables as the threshold, so none happens
        String third = job.cycle(Set.of(), IntStream.range(0, 12).mapToObj(i -> leaver(job, i)).toList());
        JobEvent.CycleFinished held = finished(job, third);
        assertThat(held.error().code()).isEqualTo("TooManyDeletes");
        assertThat(held.error().message()).contains("12 objects would be disabled or deleted");
        // The logs travel on another topic than the cycle's result, and may be read after it
        Awaitility.await().atMost(TIMEOUT).until(() -> logsOf(job, third).size() >= 12);
        assertThat(logsOf(job, third)).hasSize(12)
                .allSatisfy(log -> assertThat(log.provisioningAction()).isEqualTo("stagedDelete"));
        assertThat(IntStream.range(0, 12).mapToObj(i -> byExternalId(key(i)).path("active").asBoolean()))
                .containsOnly(true);
    }

    private ObjectNode byExternalId(String externalId) {
        List<ObjectNode> found = scim.users().find("externalId eq \"" + externalId + "\"");
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    /** The image change-detector publishes for a CSV row (anchor and DN = the key column's value). */
    private static ObjectChange.ObjectChanged row(TargetJob job, int i) {
        Map<String, List<String>> image = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        image.put("EmployeeId", List.of(key(i)));
        image.put("GivenName", List.of("Given" + i));
        image.put("Surname", List.of(String.format("Surname%02d", i)));
        image.put("DisplayName", List.of("Given" + i + " Surname" + i));
        image.put("Mail", List.of(key(i).toLowerCase() + "@example.org"));
        image.put("Department", List.of("Logistics"));
        if (i > 0) {
            image.put("Manager", List.of(key(0)));
        }
        return change(job, i, image, "False");
    }

    /** The image change-detector publishes for a row missing from the file when CsvMissingRows is Disable. */
    private static ObjectChange.ObjectChanged leaver(TargetJob job, int i) {
        return change(job, i, new TreeMap<>(String.CASE_INSENSITIVE_ORDER), "True");
    }

    private static ObjectChange.ObjectChanged change(TargetJob job, int i, Map<String, List<String>> image,
                                                     String softDeleted) {
        image.put("objectId", List.of(key(i)));
        image.put("dn", List.of(key(i)));
        image.put("IsSoftDeleted", List.of(softDeleted));
        return new ObjectChange.ObjectChanged(UUID.randomUUID().toString(), Instant.now(), job.jobId, "", "User",
                key(i), key(i), false, image);
    }

    private static String key(int i) {
        return String.format("E%02d", i);
    }
}

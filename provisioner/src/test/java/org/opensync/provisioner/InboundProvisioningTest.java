package org.opensync.provisioner;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opensync.common.events.JobEvent;
import org.opensync.common.events.ObjectChange;

/**
 * Users uploaded through bulkUpload, as change-detector publishes them for a job of the API2SCIM template, land in the
 * sandbox SCIM application: matched by externalId, the manager given by its externalId resolved to its SCIM id even
 * when it comes after its report, and {@code active=false} disabling.
 */
@QuarkusTest
class InboundProvisioningTest extends ProvisionerTestBase {
    private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    @Test
    void uploadedUsersAreCreatedWithTheirManagerAndALeaverIsDisabled() throws Exception {
        TargetJob job = new TargetJob();
        job.publishTemplateSchema("api2scim.json");
        job.publishSecrets(scim, TOKEN, Map.of());
        awaitMirrored(job);

        String first = job.cycle(Set.of(), List.of(user(job, "E-1", "ivan", true, "E-2"),
                user(job, "E-2", "olga", true, null)));
        assertThat(finished(job, first).result()).isEqualTo(JobEvent.CycleResult.Succeeded);
        ObjectNode ivan = byExternalId("E-1");
        ObjectNode olga = byExternalId("E-2");
        assertThat(ivan.path("userName").asText()).isEqualTo("ivan@example.org");
        assertThat(ivan.path("name").path("givenName").asText()).isEqualTo("ivan");
        assertThat(ivan.path(ENTERPRISE).path("department").asText()).isEqualTo("Logistics");
        assertThat(ivan.path(ENTERPRISE).path("manager").path("value").asText()).isEqualTo(olga.path("id").asText());
        assertThat(ivan.path("active").asBoolean()).isTrue();

        String second = job.cycle(Set.of(), List.of(user(job, "E-1", "ivan", false, "E-2")));
        assertThat(finished(job, second).result()).isEqualTo(JobEvent.CycleResult.Succeeded);
        assertThat(byExternalId("E-1").path("active").asBoolean()).isFalse();
        assertThat(scim.users().size()).isEqualTo(2);
    }

    private ObjectNode byExternalId(String externalId) {
        List<ObjectNode> found = scim.users().find("externalId eq \"" + externalId + "\"");
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    /** The image change-detector publishes for an uploaded SCIM user (anchor and DN = externalId). */
    private static ObjectChange.ObjectChanged user(TargetJob job, String externalId, String name, boolean active,
                                                   String manager) {
        Map<String, List<String>> image = new LinkedHashMap<>();
        image.put("objectId", List.of(externalId));
        image.put("externalId", List.of(externalId));
        image.put("userName", List.of(name + "@example.org"));
        image.put("name.givenName", List.of(name));
        image.put("name.familyName", List.of("Test"));
        image.put("emails[type eq \"work\"].value", List.of(name + "@example.org"));
        image.put("active", List.of(active ? "True" : "False"));
        image.put("IsSoftDeleted", List.of(active ? "False" : "True"));
        image.put(ENTERPRISE + ":department", List.of("Logistics"));
        if (manager != null) {
            image.put(ENTERPRISE + ":manager", List.of(manager));
        }
        return new ObjectChange.ObjectChanged(UUID.randomUUID().toString(), Instant.now(), job.jobId, "", "User",
                externalId, externalId, false, image);
    }
}

package org.opensync.provisioner.ondemand;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.opensync.common.logs.ProvisioningObjectSummary;
import org.opensync.common.logs.ProvisioningObjectSummary.ErrorInfo;
import org.opensync.common.logs.ProvisioningObjectSummary.Step;

class OnDemandAnswerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant END = Instant.parse("2026-01-14T09:40:12.050Z");

    @Test
    void aCreatedUserIsASuccessWithItsRunInGraphSpellings() throws Exception {
        OnDemandAnswer answer = OnDemandAnswer.of(List.of(worked("create", "success", null, List.of(
                new Step("EntryImport", "import", "success", "Received User", Map.of()),
                new Step("EntryExportAdd", "export", "success", "Created", Map.of("ReportableIdentifier", "m"))))));

        assertThat(JSON.readTree(answer.key())).isEqualTo(JSON.readTree("{\"result\":\"Success\",\"details\":{}}"));
        JsonNode run = JSON.readTree(answer.value());
        assertThat(run.path("action").asText()).isEqualTo("Create");
        assertThat(run.path("changeId").asText()).isEqualTo("change-1");
        assertThat(run.path("startTime").asText()).isEqualTo("2026-01-14T09:40:11.200Z");
        assertThat(run.path("endTime").asText()).isEqualTo(END.toString());
        assertThat(run.path("reportableIdentifier").asText()).isEqualTo("Marie Curie");
        assertThat(run.at("/provisioningSteps/1/type").asText()).isEqualTo("Export");
        assertThat(run.at("/provisioningSteps/1/status").asText()).isEqualTo("Success");
        assertThat(run.at("/provisioningSteps/1/details/ReportableIdentifier").asText()).isEqualTo("m");
        assertThat(run.at("/provisioningSteps/0/timestamp").asText()).as("each step has its own time")
                .isEqualTo("2026-01-14T09:40:11.250Z");
        assertThat(run.at("/provisioningSteps/1/timestamp").asText()).isEqualTo("2026-01-14T09:40:11.300Z");
        assertThat(run.at("/modifiedProperties/0/newValue").asText()).isEqualTo("marie@example.org");
        assertThat(run.at("/statusInfo/status").asText()).isEqualTo("Success");
        assertThat(run.at("/sourceIdentity/type").asText()).isEqualTo("User");
        assertThat(run.at("/targetIdentity/id").asText()).isEqualTo("2c7e");
        assertThat(run.at("/sourceSystem/name").asText()).isEqualTo("LDAP");
        assertThat(run.at("/targetSystem/name").asText()).isEqualTo("scim.example.org");
    }

    @Test
    void skipsNameTheirReason() throws Exception {
        ErrorInfo redundant = new ErrorInfo(null, "success", "RedundantExport: the object already matches the source",
                null, null);
        JsonNode key = JSON.readTree(OnDemandAnswer.of(List.of(worked("other", "skipped", redundant, List.of())))
                .key());
        assertThat(key.path("result").asText()).isEqualTo("Skipped");
        assertThat(key.at("/details/errorCode").asText()).isEqualTo("RedundantExport");

        ErrorInfo outOfScope = new ErrorInfo(null, "success", "The object is out of scope and not provisioned", null,
                null);
        OnDemandAnswer skipped = OnDemandAnswer.of(List.of(worked("other", "skipped", outOfScope, List.of(
                new Step("EntrySynchronizationScoping", "scoping", "skipped", "The object does not pass the scoping "
                        + "filter", Map.of())))));
        assertThat(JSON.readTree(skipped.key()).at("/details/errorCode").asText()).isEqualTo("NotEffectivelyEntitled");
        assertThat(JSON.readTree(skipped.value()).at("/statusInfo/errorCode").asText())
                .isEqualTo("NotEffectivelyEntitled");
    }

    @Test
    void aFailureCarriesTheTargetsAnswer() throws Exception {
        ErrorInfo refused = new ErrorInfo("Conflict", "failure", "The target refused the object",
                "Web Response: 409 {\"detail\":\"taken\"}", "Fix it");
        OnDemandAnswer answer = OnDemandAnswer.of(List.of(worked("create", "failure", refused, List.of(
                new Step("EntryExportAdd", "export", "failure", "The target refused", Map.of())))));
        JsonNode key = JSON.readTree(answer.key());
        assertThat(key.path("result").asText()).isEqualTo("Failure");
        assertThat(key.at("/details/errorCode").asText()).isEqualTo("Conflict");
        JsonNode run = JSON.readTree(answer.value());
        assertThat(run.at("/statusInfo/additionalDetails").asText()).contains("409");
        assertThat(run.at("/statusInfo/recommendedAction").asText()).isEqualTo("Fix it");
        assertThat(run.at("/provisioningSteps/0/status").asText()).isEqualTo("Failure");
    }

    @Test
    void aGroupWithMembersListsEveryObjectAndFailsWhenOneFailed() throws Exception {
        ErrorInfo refused = new ErrorInfo("Conflict", "failure", "refused", null, null);
        OnDemandAnswer answer = OnDemandAnswer.of(List.of(worked("create", "failure", refused, List.of()),
                worked("create", "success", null, List.of())));
        assertThat(answer.value()).isEqualTo("{}");
        JsonNode key = JSON.readTree(answer.key());
        assertThat(key.path("result").asText()).isEqualTo("Failure");
        assertThat(key.at("/details/objects")).hasSize(2);
        assertThat(key.at("/details/objects/0/result").asText()).isEqualTo("Failure");
        assertThat(key.at("/details/objects/1/action").asText()).isEqualTo("Create");
    }

    /** The object's steps were taken 50 ms apart from 50 ms after its start. */
    private static OnDemandAnswer.Worked worked(String action, String status, ErrorInfo error, List<Step> steps) {
        Instant start = END.minusMillis(850);
        return new OnDemandAnswer.Worked(new ProvisioningObjectSummary("id", END, "tenant", "job", "run", "change-1", action, 850,
                new ProvisioningObjectSummary.Initiator("app", "app", "application"),
                new ProvisioningObjectSummary.Identity("sp", "scim.example.org"),
                new ProvisioningObjectSummary.SystemInfo("LDAP", "LDAP", Map.of()),
                new ProvisioningObjectSummary.SystemInfo("sp", "scim.example.org", Map.of()),
                new ProvisioningObjectSummary.ProvisionedIdentity("anchor", "Marie Curie", "User", Map.of()),
                new ProvisioningObjectSummary.ProvisionedIdentity("2c7e", "", "User", Map.of()),
                new ProvisioningObjectSummary.StatusInfo(status, error), steps,
                List.of(new ProvisioningObjectSummary.ModifiedProperty("userName", null, "marie@example.org"))),
                IntStream.range(0, steps.size()).mapToObj(i -> start.plusMillis(50L * (i + 1)))
                        .toList());
    }
}

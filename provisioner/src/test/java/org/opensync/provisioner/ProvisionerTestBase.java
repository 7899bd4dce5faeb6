package org.opensync.provisioner;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.opensync.common.events.EventCodec;
import org.opensync.common.events.JobEvent;
import org.opensync.common.events.ObjectChange;
import org.opensync.common.events.Topics;
import org.opensync.common.logs.ProvisioningLogRecorded;
import org.opensync.common.logs.ProvisioningObjectSummary;
import org.opensync.common.mirror.SchemaMirror;
import org.opensync.common.mirror.SecretsMirror;
import org.opensync.mapping.expression.Expressions;
import org.opensync.provisioner.cds.JobSettings;
import org.opensync.sandbox.ldap.DirectoryData;
import org.opensync.sandbox.scim.ScimServer;
import org.opensync.sandbox.scim.ScimServerConfig;
import org.opensync.testing.PrometheusScrape;
import org.opensync.testing.TopicProbe;

/**
 * What the provisioner's component tests share: a sandbox SCIM application over HTTP, probes on the job-events and
 * provisioning-log topics, and jobs of the built-in {@code scim} template fed on the real object-changes topic.
 */
abstract class ProvisionerTestBase {
    static final Duration TIMEOUT = Duration.ofSeconds(60);
    static final String TOKEN = "provisioner-test-token";
    static final ObjectMapper JSON = new ObjectMapper();
    static ScimServer scim;

    @Inject
    SchemaMirror schemas;

    @Inject
    SecretsMirror secrets;

    @Inject
    JobSettings jobSettings;

    TopicProbe jobEvents;
    TopicProbe logs;

    @BeforeAll
    static void startTarget() {
        scim = new ScimServer(ScimServerConfig.defaults().withBearerToken(TOKEN)).start();
    }

    @AfterAll
    static void stopTarget() {
        scim.stop();
    }

    @BeforeEach
    void listen() {
        scim.reset();
        jobEvents = TopicProbe.fromNow(Topics.JOB_EVENTS);
        logs = TopicProbe.fromNow(Topics.PROVISIONING_LOGS);
    }

    @AfterEach
    void close() {
        jobEvents.close();
        logs.close();
    }

    TargetJob ready(JsonNode scope, Map<String, String> extraSecrets) throws Exception {
        TargetJob job = new TargetJob();
        job.publishSchema(scope);
        job.publishSecrets(scim, TOKEN, extraSecrets);
        awaitMirrored(job);
        return job;
    }

    /** A job whose schema is the template's changed by {@code edit}. */
    TargetJob ready(Consumer<ObjectNode> edit) throws Exception {
        TargetJob job = new TargetJob();
        job.publishEditedSchema(edit);
        job.publishSecrets(scim, TOKEN, Map.of());
        awaitMirrored(job);
        return job;
    }

    /** A job whose service principal has no deletion threshold in its secrets, with these job settings. */
    TargetJob withSettings(Map<String, String> settings) throws Exception {
        TargetJob job = ready(null, Map.of());
        job.publishSettings(settings);
        Awaitility.await().atMost(TIMEOUT).until(() -> jobSettings.of(job.jobId).equals(settings));
        return job;
    }

    /** Adds a mapping of the expression to the target attribute to the schema's first object mapping (users). */
    static void addMapping(ObjectNode schema, String target, String expression, String flowType) {
        ArrayNode mappings = (ArrayNode) schema.at("/synchronizationRules/0/objectMappings/0/attributeMappings");
        mappings.addObject().putNull("defaultValue").put("exportMissingReferences", false)
                .put("flowBehavior", "FlowWhenChanged").put("flowType", flowType).put("matchingPriority", 0)
                .put("targetAttributeName", target)
                .set("source", JSON.valueToTree(Expressions.parse(expression).toMappingSource()));
    }

    void awaitMirrored(TargetJob job) {
        Awaitility.await().atMost(TIMEOUT).until(() -> schemas.schemaOf(job.jobId).isPresent()
                && secrets.secretsOf(job.servicePrincipalId).isPresent());
    }

    static List<ObjectChange.ObjectChanged> initialImages(TargetJob job, DirectoryData data) {
        List<ObjectChange.ObjectChanged> images = new ArrayList<>();
        data.users().forEach(user -> images.add(job.object("User", user.toEntry(), false)));
        data.groups().forEach(group -> images.add(job.object("Group", group.toEntry(), false)));
        return images;
    }

    JobEvent.CycleFinished finished(TargetJob job, String cycleId) {
        ConsumerRecord<String, String> record = jobEvents.awaitOne(r -> r.key().equals(job.jobId)
                && r.value().contains("CycleFinished") && r.value().contains(cycleId), TIMEOUT);
        return (JobEvent.CycleFinished) EventCodec.decode(record.value(), JobEvent.class);
    }

    ProvisioningObjectSummary logFor(TargetJob job, String action) {
        return logs.await(r -> r.key().equals(job.jobId) && r.value().contains("\"provisioningAction\":\"" + action
                + "\""), 1, TIMEOUT).stream().map(r -> EventCodec.decode(r.value(), ProvisioningLogRecorded.class)
                .summary()).findFirst().orElseThrow();
    }

    /** The job's provisioning-log records of one cycle that were published so far. */
    List<ProvisioningObjectSummary> logsOf(TargetJob job, String cycleId) {
        return logs.records(TopicProbe.keyed(job.jobId)).stream()
                .map(r -> EventCodec.decode(r.value(), ProvisioningLogRecorded.class).summary())
                .filter(summary -> summary.cycleId().equals(cycleId)).toList();
    }

    static ObjectNode userNamed(String userName) {
        List<ObjectNode> found = scim.users().find("userName eq \"" + userName + "\"");
        assertThat(found).as("user " + userName).hasSize(1);
        return found.get(0);
    }

    /** What this service's {@code /q/metrics} shows now. */
    static PrometheusScrape scrape() {
        return new PrometheusScrape(given().get("/q/metrics").then().statusCode(200).extract().asString());
    }
}

package org.opensync.jobapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.opensync.jobapi.GraphClient.asAdmin;
import static org.opensync.jobapi.GraphClient.getJob;
import static org.opensync.jobapi.GraphClient.jobPath;
import static org.opensync.jobapi.GraphClient.json;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opensync.common.events.EventCodec;
import org.opensync.common.events.JobCommand;
import org.opensync.common.events.JobSettingsPublished;
import org.opensync.common.events.RestartScope;
import org.opensync.common.events.Topics;
import org.opensync.testing.TopicProbe;

@QuarkusTest
class JobLifecycleTest {
    private static final Duration EVENT_TIMEOUT = Duration.ofSeconds(15);
    private TopicProbe commands;

    @BeforeEach
    void listen() {
        commands = TopicProbe.fromNow(Topics.JOB_COMMANDS);
    }

    @AfterEach
    void stopListening() {
        commands.close();
    }

    @Test
    void createdJobIsDisabledWithTheDocumentedInitialStatus() {
        GraphClient.awaitTemplateCatalogue();
        String spId = GraphClient.newServicePrincipal("lifecycle");
        String jobId = json("{\"templateId\":\"scim\"}")
                .post("/beta/servicePrincipals/" + spId + "/synchronization/jobs")
                .then().statusCode(201)
                .header("Location", endsWith("/beta/servicePrincipals/" + spId + "/synchronization/jobs/"
                        + asAdmin().get("/beta/servicePrincipals/" + spId + "/synchronization/jobs")
                        .then().extract().path("value[0].id")))
                .body("'@odata.context'", containsString("/beta/$metadata#servicePrincipals('" + spId
                        + "')/synchronization/jobs/$entity"))
                .body("id", startsWith("scim."))
                .body("templateId", equalTo("scim"))
                .body("schedule.state", equalTo("Disabled"))
                .body("schedule.interval", equalTo("P10675199DT2H48M5.4775807S"))
                .body("schedule.expiration", nullValue())
                .body("status.code", equalTo("NotConfigured"))
                .body("status.countSuccessiveCompleteFailures", equalTo(0))
                .body("status.escrowsPruned", equalTo(false))
                .body("status.lastExecution", nullValue())
                .body("status.lastSuccessfulExecution", nullValue())
                .body("status.lastSuccessfulExecutionWithExports", nullValue())
                .body("status.progress", empty())
                .body("status.quarantine", nullValue())
                .body("status.steadyStateFirstAchievedTime", equalTo("0001-01-01T00:00:00Z"))
                .body("status.steadyStateLastAchievedTime", equalTo("0001-01-01T00:00:00Z"))
                .body("status.synchronizedEntryCountByType", empty())
                .body("status.troubleshootingUrl", nullValue())
                .body("synchronizationJobSettings[0].name", equalTo("QuarantineTooManyDeletesThreshold"))
                .body("synchronizationJobSettings[0].value", equalTo("500"))
                .extract().path("id");

        JobCommand.JobCreated created = command(jobId, JobCommand.JobCreated.class);
        assertThat(created.servicePrincipalId()).isEqualTo(spId);
        assertThat(created.templateId()).isEqualTo("scim");

        asAdmin().get("/v1.0/servicePrincipals/" + spId + "/synchronization/jobs")
                .then().statusCode(200)
                .body("'@odata.context'", containsString("/v1.0/$metadata#"))
                .body("value", hasSize(1))
                .body("value[0].id", equalTo(jobId))
                .body("value[0].schedule.state", equalTo("Disabled"));
    }

    @Test
    void startPauseRestartAndDeleteMoveScheduleAndStatusAndPublishCommands() {
        String[] job = GraphClient.newJob();

        asAdmin().post(jobPath(job) + "/start").then().statusCode(204).body(equalTo(""));
        getJob(job).body("schedule.state", equalTo("Active"))
                .body("schedule.interval", equalTo("PT2S"))
                .body("status.code", equalTo("NotRun"))
                .body("status.quarantine", nullValue());
        assertThat(command(job[1], JobCommand.JobStarted.class).interval()).isEqualTo(Duration.ofSeconds(2));

        asAdmin().post(jobPath(job) + "/start").then().statusCode(204);

        asAdmin().post(jobPath(job) + "/pause").then().statusCode(204);
        getJob(job).body("schedule.state", equalTo("Paused")).body("status.code", equalTo("Paused"));
        command(job[1], JobCommand.JobPaused.class);

        json("{\"criteria\":{\"resetScope\":\"Watermark, Escrows, QuarantineState\"}}")
                .post(jobPath(job) + "/restart").then().statusCode(204);
        getJob(job).body("schedule.state", equalTo("Active")).body("status.code", equalTo("NotRun"));
        assertThat(command(job[1], JobCommand.JobRestarted.class).resetScope())
                .isEqualTo(EnumSet.of(RestartScope.Watermark, RestartScope.Escrows, RestartScope.QuarantineState));

        asAdmin().delete(jobPath(job)).then().statusCode(204).body(equalTo(""));
        command(job[1], JobCommand.JobDeleted.class);
        asAdmin().get(jobPath(job)).then().statusCode(404).body("error.code", equalTo("itemNotFound"));
        asAdmin().delete(jobPath(job)).then().statusCode(404);

        assertThat(commands.records(TopicProbe.keyed(job[1])).stream().map(r -> TopicProbe.header(r, "event-type")))
                .as("a start of an active job publishes nothing")
                .containsExactly("JobCreated", "JobStarted", "JobPaused", "JobRestarted", "JobDeleted");
    }

    @Test
    void jobSettingsArePublishedForTheProvisionerAtCreationAndAtEveryChangeAndATombstoneFollowsTheDeletion() {
        try (TopicProbe settings = TopicProbe.fromNow(Topics.JOB_SETTINGS)) {
            String[] job = GraphClient.newJob();
            assertThat(settingsOf(settings, job[1], 1).settings())
                    .containsEntry("QuarantineTooManyDeletesThreshold", "500");

            json("{\"synchronizationJobSettings\":[{\"name\":\"QuarantineTooManyDeletesThreshold\",\"value\":\"5\"},"
                    + "{\"name\":\"Unset\",\"value\":null}]}").patch(jobPath(job)).then().statusCode(204);
            assertThat(settingsOf(settings, job[1], 2).settings())
                    .isEqualTo(Map.of("QuarantineTooManyDeletesThreshold", "5"));

            json("{\"synchronizationJobSettings\":[{\"name\":\"QuarantineTooManyDeletesThreshold\",\"value\":\"many\"}]}")
                    .patch(jobPath(job)).then().statusCode(400)
                    .body("error.target", equalTo("synchronizationJobSettings[0].value"));
            getJob(job).body("synchronizationJobSettings[0].value", equalTo("5"));

            asAdmin().delete(jobPath(job)).then().statusCode(204);
            assertThat(settings.await(TopicProbe.keyed(job[1]), 3, EVENT_TIMEOUT).get(2).value())
                    .as("tombstone").isNull();
        }
    }

    private static JobSettingsPublished settingsOf(TopicProbe settings, String jobId, int nth) {
        ConsumerRecord<String, String> record = settings.await(TopicProbe.keyed(jobId), nth, EVENT_TIMEOUT)
                .get(nth - 1);
        return EventCodec.decode(record.value(), JobSettingsPublished.class);
    }

    @Test
    void restartAcceptsCompactFlagsAnEmptyScopeAndNoBody() {
        String[] job = GraphClient.newJob();
        json("{\"criteria\":{\"resetScope\":\"Full\"}}").post(jobPath(job) + "/restart").then().statusCode(204);
        json("{\"criteria\":{\"resetScope\":\"\"}}").post(jobPath(job) + "/restart").then().statusCode(204);
        asAdmin().post(jobPath(job) + "/restart").then().statusCode(204);

        var restarts = commands.await(TopicProbe.keyed(job[1]).and(TopicProbe.ofType("JobRestarted")), 3,
                EVENT_TIMEOUT);
        assertThat(restarts).extracting(r -> EventCodec.decode(r.value(), JobCommand.class))
                .extracting(c -> ((JobCommand.JobRestarted) c).resetScope())
                .containsExactly(EnumSet.of(RestartScope.Full), RestartScope.PORTAL_RESTART,
                        RestartScope.PORTAL_RESTART);
    }

    @Test
    void graphUrlSpellingsReachTheSameJob() {
        String[] job = GraphClient.newJob();
        String appId = asAdmin().get("/beta/servicePrincipals/" + job[0]).then().extract().path("appId");

        asAdmin().post(jobPath(job) + "/microsoft.graph.start").then().statusCode(204);
        asAdmin().get("/V1.0/SERVICEPRINCIPALS/" + job[0] + "/Synchronization/Jobs/" + job[1] + "/")
                .then().statusCode(200).body("id", equalTo(job[1])).body("schedule.state", equalTo("Active"));
        asAdmin().urlEncodingEnabled(false)
                .get("/beta/servicePrincipals(appId='" + appId + "')/synchronization/jobs/" + job[1])
                .then().statusCode(200).body("id", equalTo(job[1]));
        asAdmin().post(jobPath(job) + "/Pause()").then().statusCode(204);
        getJob(job).body("status.code", equalTo("Paused"));
    }

    @Test
    void responsesCarryGraphCorrelationHeaders() {
        String[] job = GraphClient.newJob();
        asAdmin().header("client-request-id", "abc-123").get(jobPath(job)).then()
                .statusCode(200)
                .header("request-id", notNullValue())
                .header("client-request-id", equalTo("abc-123"))
                .contentType(containsString("application/json"));
    }

    private <T extends JobCommand> T command(String jobId, Class<T> type) {
        ConsumerRecord<String, String> record = commands.awaitOne(
                TopicProbe.keyed(jobId).and(TopicProbe.ofType(type.getSimpleName())), EVENT_TIMEOUT);
        assertThat(TopicProbe.header(record, "event-id")).isNotBlank();
        assertThat(TopicProbe.header(record, "event-version")).isEqualTo("1");
        return type.cast(EventCodec.decode(record.value(), JobCommand.class));
    }
}

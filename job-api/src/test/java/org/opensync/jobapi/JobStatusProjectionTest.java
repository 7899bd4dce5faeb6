package org.opensync.jobapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.opensync.jobapi.GraphClient.asAdmin;
import static org.opensync.jobapi.GraphClient.jobPath;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.opensync.common.events.EventCodec;
import org.opensync.common.events.JobCommand;
import org.opensync.common.events.JobEvent;
import org.opensync.common.events.RestartScope;
import org.opensync.common.events.Tick;
import org.opensync.common.events.Topics;
import org.opensync.testing.EventPublisher;
import org.opensync.testing.TopicProbe;

/** job-api keeps {@code status} from the cycle events on the real {@code sync.job-events} topic. */
@QuarkusTest
class JobStatusProjectionTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    @Test
    void finishedCyclesBecomeLastExecutionsAndActivateTheJob() {
        String[] job = GraphClient.newJob();
        asAdmin().post(jobPath(job) + "/start").then().statusCode(204);
        Instant began = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String cycleId = UUID.randomUUID().toString();

        EventPublisher.publish(Topics.JOB_EVENTS, new JobEvent.CycleProgressed(id(), began, job[1], cycleId, 40, 100,
                "objects"));
        Awaitility.await().atMost(TIMEOUT).untilAsserted(() -> GraphClient.getJob(job)
                .body("status.progress", hasSize(1))
                .body("status.progress[0].completedUnits", equalTo(40))
                .body("status.progress[0].totalUnits", equalTo(100)));

        JobEvent.CycleFinished finished = new JobEvent.CycleFinished(id(), began.plusSeconds(3), job[1], cycleId,
                Tick.CycleKind.Initial, began, began.plusSeconds(3), JobEvent.CycleResult.Succeeded,
                Map.of("countImported", 1020L, "countExported", 1020L, "countExports", 1020L),
                Map.of("User to User", 1000L, "Group to Group", 20L), null, true);
        EventPublisher.publish(Topics.JOB_EVENTS, finished);
        EventPublisher.publish(Topics.JOB_EVENTS, finished);

        Awaitility.await().atMost(TIMEOUT).untilAsserted(() -> GraphClient.getJob(job)
                .body("status.code", equalTo("Active"))
                .body("status.lastExecution.activityIdentifier", equalTo(cycleId))
                .body("status.lastExecution.state", equalTo("Succeeded"))
                .body("status.lastExecution.countImported", equalTo(1020))
                .body("status.lastExecution.timeBegan", equalTo(began.toString()))
                .body("status.lastSuccessfulExecution.activityIdentifier", equalTo(cycleId))
                .body("status.lastSuccessfulExecutionWithExports.countExported", equalTo(1020))
                .body("status.synchronizedEntryCountByType", hasSize(2))
                .body("status.steadyStateFirstAchievedTime", equalTo(began.plusSeconds(3).toString()))
                .body("status.progress", hasSize(0))
                .body("status.countSuccessiveCompleteFailures", equalTo(0)));

        String failedCycle = UUID.randomUUID().toString();
        EventPublisher.publish(Topics.JOB_EVENTS, new JobEvent.CycleFinished(id(), began.plusSeconds(60), job[1],
                failedCycle, Tick.CycleKind.Incremental, began.plusSeconds(59), began.plusSeconds(60),
                JobEvent.CycleResult.Failed, Map.of(), Map.of(),
                new JobEvent.CycleError("ScimEndpointUnreachable", "Connection refused", false), false));
        Awaitility.await().atMost(TIMEOUT).untilAsserted(() -> GraphClient.getJob(job)
                .body("status.lastExecution.activityIdentifier", equalTo(failedCycle))
                .body("status.lastExecution.error.code", equalTo("ScimEndpointUnreachable"))
                .body("status.lastSuccessfulExecution.activityIdentifier", equalTo(cycleId))
                .body("status.countSuccessiveCompleteFailures", equalTo(1))
                .body("status.quarantine", nullValue()));
    }

    @Test
    void aFailureTheTenantMustFixQuarantinesAndAGoodCycleLiftsIt() {
        String[] job = GraphClient.newJob();
        asAdmin().post(jobPath(job) + "/start").then().statusCode(204);
        Instant began = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        try (TopicProbe commands = TopicProbe.fromNow(Topics.JOB_COMMANDS)) {
            EventPublisher.publish(Topics.JOB_EVENTS, new JobEvent.CycleFinished(id(), began, job[1], id(),
                    Tick.CycleKind.Initial, began, began.plusSeconds(1), JobEvent.CycleResult.Failed, Map.of(),
                    Map.of(), new JobEvent.CycleError("Unauthorized", "The target rejected the SecretToken", true),
                    false));
            Awaitility.await().atMost(TIMEOUT).untilAsserted(() -> GraphClient.getJob(job)
                    .body("status.code", equalTo("Quarantine"))
                    .body("status.quarantine.reason", equalTo("EncounteredQuarantineException"))
                    .body("status.quarantine.error.code", equalTo("Unauthorized"))
                    .body("status.quarantine.seriesCount", equalTo(0))
                    .body("schedule.state", equalTo("Active")));
            JobCommand.JobRescheduled slower = EventCodec.decode(commands.awaitOne(TopicProbe.keyed(job[1])
                    .and(TopicProbe.ofType("JobRescheduled")), TIMEOUT).value(), JobCommand.JobRescheduled.class);
            assertThat(slower.interval()).isEqualTo(Duration.ofSeconds(5));

            EventPublisher.publish(Topics.JOB_EVENTS, new JobEvent.CycleFinished(id(), began.plusSeconds(9), job[1],
                    id(), Tick.CycleKind.Initial, began.plusSeconds(8), began.plusSeconds(9),
                    JobEvent.CycleResult.Succeeded, Map.of(), Map.of(), null, true));
            Awaitility.await().atMost(TIMEOUT).untilAsserted(() -> GraphClient.getJob(job)
                    .body("status.code", equalTo("Active"))
                    .body("status.quarantine", nullValue()));
            assertThat(commands.await(TopicProbe.keyed(job[1]).and(TopicProbe.ofType("JobRescheduled")), 2, TIMEOUT))
                    .extracting(r -> EventCodec.decode(r.value(), JobCommand.JobRescheduled.class).interval())
                    .containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(2));
        }
    }

    @Test
    void tooManyDeletesQuarantineUntilARestartWithForceDeletesRunsThemAndPauseHidesIt() {
        String[] job = GraphClient.newJob();
        asAdmin().post(jobPath(job) + "/start").then().statusCode(204);
        Instant began = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        EventPublisher.publish(Topics.JOB_EVENTS, new JobEvent.CycleFinished(id(), began, job[1], id(),
                Tick.CycleKind.Incremental, began, began.plusSeconds(1), JobEvent.CycleResult.Failed, Map.of(),
                Map.of(), new JobEvent.CycleError("TooManyDeletes", "600 objects would be deleted", true), false));
        Awaitility.await().atMost(TIMEOUT).untilAsserted(() -> GraphClient.getJob(job)
                .body("status.code", equalTo("Quarantine"))
                .body("status.quarantine.reason", equalTo("TooManyDeletes"))
                .body("status.quarantine.error.code", equalTo("TooManyDeletes")));

        try (TopicProbe commands = TopicProbe.fromNow(Topics.JOB_COMMANDS)) {
            asAdmin().contentType("application/json").body("{\"criteria\":{\"resetScope\":\"ForceDeletes\"}}")
                    .post(jobPath(job) + "/restart").then().statusCode(204);
            GraphClient.getJob(job).body("status.code", equalTo("Quarantine"))
                    .body("status.quarantine.reason", equalTo("TooManyDeletes"))
                    .body("schedule.state", equalTo("Active"));
            JobCommand.JobRestarted restarted = EventCodec.decode(commands.awaitOne(TopicProbe.keyed(job[1])
                    .and(TopicProbe.ofType("JobRestarted")), TIMEOUT).value(), JobCommand.JobRestarted.class);
            assertThat(restarted.resetScope()).containsExactly(RestartScope.ForceDeletes);
        }

        asAdmin().post(jobPath(job) + "/pause").then().statusCode(204);
        GraphClient.getJob(job).body("status.code", equalTo("Paused")).body("status.quarantine", nullValue());
        asAdmin().post(jobPath(job) + "/start").then().statusCode(204);
        GraphClient.getJob(job).body("status.code", equalTo("NotRun")).body("status.quarantine", nullValue())
                .body("schedule.state", equalTo("Active"));
    }

    @Test
    void unreadableEventsGoToTheDeadLetterTopicWithTheReason() {
        try (TopicProbe deadLetters = TopicProbe.fromNow(Topics.DEAD_LETTER)) {
            String key = "job-" + UUID.randomUUID();
            EventPublisher.publishRaw(Topics.JOB_EVENTS, key, "{not json", UUID.randomUUID().toString());
            EventPublisher.publishRaw(Topics.JOB_EVENTS, key, "{\"type\":\"CycleStarted\",\"jobId\":\"x\"}", null);

            var records = deadLetters.await(TopicProbe.keyed(key), 2, TIMEOUT);
            assertThat(records).extracting(ConsumerRecord::value)
                    .containsExactly("{not json", "{\"type\":\"CycleStarted\",\"jobId\":\"x\"}");
            assertThat(TopicProbe.header(records.get(0), "dead-letter-reason")).contains("not a valid JobEvent");
            assertThat(TopicProbe.header(records.get(1), "dead-letter-reason")).contains("event-id");
            assertThat(TopicProbe.header(records.get(0), "dead-letter-topic")).isEqualTo(Topics.JOB_EVENTS);
        }
    }

    private static String id() {
        return UUID.randomUUID().toString();
    }
}

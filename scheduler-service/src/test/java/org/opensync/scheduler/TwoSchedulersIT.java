package org.opensync.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.opensync.common.events.Tick;
import org.opensync.common.events.Topics;
import org.opensync.testing.InfraEndpoints;
import org.opensync.testing.ServiceProcess;
import org.opensync.testing.TopicProbe;

/**
 * Two scheduler processes share one database: every due tick is emitted exactly once, and stopping every instance
 * for longer than the interval neither loses the due tick nor emits it twice.
 */
class TwoSchedulersIT {
    private static final Duration INTERVAL = Duration.ofSeconds(1);
    private static final Duration STARTUP = Duration.ofSeconds(90);
    private static final int JOBS = 12;

    @Test
    void twoInstancesEmitEachTickOnceAndARestartCatchesUp() throws Exception {
        Map<String, String> config = Map.of(
                "quarkus.datasource.jdbc.url", InfraEndpoints.freshDatabase("scheduler_it"),
                "quarkus.datasource.username", InfraEndpoints.postgresUser(),
                "quarkus.datasource.password", InfraEndpoints.postgresPassword(),
                "kafka.bootstrap.servers", InfraEndpoints.kafkaBootstrap(),
                "mp.messaging.incoming.job-commands.group.id", "scheduler-it");
        try (TopicProbe ticks = TopicProbe.fromNow(Topics.TICKS);
             ServiceProcess first = ServiceProcess.start("scheduler-1", config, STARTUP);
             ServiceProcess second = ServiceProcess.start("scheduler-2", config, STARTUP)) {
            List<String> jobs = new ArrayList<>();
            for (int i = 0; i < JOBS; i++) {
                String jobId = Commands.newJob();
                Commands.start(jobId, INTERVAL);
                jobs.add(jobId);
            }
            awaitEveryJobTicked(ticks, jobs, 5);

            first.stop();
            second.stop();
            Instant allDown = Instant.now();
            Thread.sleep(INTERVAL.multipliedBy(3).toMillis());
            try (ServiceProcess third = ServiceProcess.start("scheduler-3", config, STARTUP)) {
                int seen = ticks.records().size();
                Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> ticks.records().size() >= seen + JOBS * 3);
                jobs.forEach(Commands::pause);
                Thread.sleep(INTERVAL.multipliedBy(2).toMillis());
            }

            for (String jobId : jobs) {
                List<Tick> emitted = Ticks.of(ticks, jobId);
                assertThat(emitted).extracting(Tick::tickId).as("tick ids of %s", jobId).doesNotHaveDuplicates();
                assertThat(emitted).extracting(Tick::sequence).as("no tick lost for %s", jobId)
                        .containsExactlyElementsOf(sequence(emitted.size()));
                int firstAfterRestart = indexOfFirstEmittedAfter(emitted, allDown);
                Tick catchUp = emitted.get(firstAfterRestart);
                Tick next = emitted.get(firstAfterRestart + 1);
                assertThat(catchUp.dueAt()).as("the tick that fell due while every instance was down is emitted")
                        .isBefore(catchUp.occurredAt().minus(INTERVAL));
                assertThat(next.dueAt()).as("one catch-up tick, then the cadence resumes; no burst of missed ticks")
                        .isEqualTo(catchUp.occurredAt().plus(INTERVAL));
            }
        }
    }

    private static void awaitEveryJobTicked(TopicProbe ticks, List<String> jobs, int times) {
        Awaitility.await().atMost(Duration.ofSeconds(60))
                .until(() -> jobs.stream().allMatch(job -> Ticks.of(ticks, job).size() >= times));
    }

    private static int indexOfFirstEmittedAfter(List<Tick> ticks, Instant instant) {
        for (int i = 0; i < ticks.size(); i++) {
            if (ticks.get(i).occurredAt().isAfter(instant)) {
                return i;
            }
        }
        throw new AssertionError("no tick after " + instant);
    }

    private static List<Long> sequence(int size) {
        List<Long> expected = new ArrayList<>();
        for (long i = 1; i <= size; i++) {
            expected.add(i);
        }
        return expected;
    }
}

package org.opensync.jobapi.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opensync.common.events.RestartScope;
import org.opensync.jobapi.graph.SynchronizationError;
import org.opensync.jobapi.graph.SynchronizationTaskExecution;

/**
 * The job lifecycle's transition table, row by row: start, pause and restart with every reset scope, from each state a
 * job can be in. Besides the table: the status shows a quarantine exactly while its code is Quarantine, and a restart
 * whose scope does not lift the quarantine leaves the job quarantined.
 */
class JobTransitionsTest {
    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    private static final Duration INTERVAL = Duration.ofMinutes(40);

    @ParameterizedTest(name = "{1} from {0}")
    @CsvSource(delimiter = '|', textBlock = """
            # from               | event                            | changed | schedule | code        | quarantined
            created              | start                            | true    | Active   | NotRun      | false
            neverCompleted       | start                            | false   | Active   | NotRun      | false
            active               | start                            | false   | Active   | Active      | false
            paused               | start                            | true    | Active   | Active      | false
            quarantined          | start                            | true    | Active   | Active      | false
            pausedInQuarantine   | start                            | true    | Active   | Active      | false
            disabledInQuarantine | start                            | true    | Active   | Active      | false
            created              | pause                            | true    | Paused   | Paused      | false
            active               | pause                            | true    | Paused   | Paused      | false
            paused               | pause                            | false   | Paused   | Paused      | false
            quarantined          | pause                            | true    | Paused   | Paused      | false
            disabledInQuarantine | pause                            | true    | Paused   | Paused      | false
            created              | restart                          | true    | Active   | NotRun      | false
            active               | restart                          | true    | Active   | NotRun      | false
            paused               | restart                          | true    | Active   | NotRun      | false
            quarantined          | restart                          | true    | Active   | NotRun      | false
            disabledInQuarantine | restart                          | true    | Active   | NotRun      | false
            active               | restart None                     | false   | Active   | Active      | false
            paused               | restart None                     | true    | Active   | Active      | false
            quarantined          | restart None                     | true    | Active   | Active      | false
            pausedInQuarantine   | restart None                     | true    | Active   | Active      | false
            created              | restart None                     | true    | Active   | NotRun      | false
            active               | restart Full                     | true    | Active   | NotRun      | false
            quarantined          | restart Full                     | true    | Active   | NotRun      | false
            paused               | restart Full                     | true    | Active   | NotRun      | false
            quarantined          | restart QuarantineState          | true    | Active   | NotRun      | false
            active               | restart QuarantineState          | true    | Active   | NotRun      | false
            quarantined          | restart Escrows                  | true    | Active   | Quarantine  | true
            active               | restart Escrows                  | true    | Active   | NotRun      | false
            quarantined          | restart Watermark                | true    | Active   | Quarantine  | true
            active               | restart Watermark                | true    | Active   | NotRun      | false
            quarantined          | restart ConnectorDataStore       | true    | Active   | Quarantine  | true
            active               | restart ConnectorDataStore       | true    | Active   | NotRun      | false
            quarantined          | restart ForceDeletes             | true    | Active   | Quarantine  | true
            pausedInQuarantine   | restart ForceDeletes             | true    | Active   | Quarantine  | true
            disabledInQuarantine | restart ForceDeletes             | true    | Active   | Quarantine  | true
            active               | restart ForceDeletes             | true    | Active   | NotRun      | false
            quarantined          | restart Escrows,QuarantineState  | true    | Active   | NotRun      | false
            quarantined          | restart None,Escrows             | true    | Active   | NotRun      | false
            """)
    void transition(String from, String event, boolean changed, ScheduleState schedule, StatusCode code,
                    boolean quarantined) {
        SynchronizationJob job = job(from);

        boolean result = apply(job, event);

        assertThat(result).as("changed").isEqualTo(changed);
        assertThat(job.scheduleState).as("schedule.state").isEqualTo(schedule);
        assertThat(job.statusCode).as("status.code").isEqualTo(code);
        boolean shown = JobRepresentation.of(job).status().quarantine() != null;
        assertThat(shown).as("status.quarantine shown").isEqualTo(quarantined);
        assertThat(shown).as("code Quarantine <=> quarantine shown").isEqualTo(code == StatusCode.Quarantine);
        if (schedule == ScheduleState.Active) {
            assertThat(job.scheduleInterval).isEqualTo(INTERVAL.toString());
        }
    }

    @ParameterizedTest(name = "restart {0} clears the watermark: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Watermark          | true
            Full               | true
            ''                 | true
            Escrows            | false
            ConnectorDataStore | false
            QuarantineState    | false
            ForceDeletes       | false
            """)
    void aRestartThatClearsTheWatermarkMakesTheNextCycleAFirstOne(String scope, boolean clears) {
        SynchronizationJob job = job("active");

        job.restart(RestartScope.parseFlags(scope), INTERVAL);

        assertThat(job.cycleCompleted).isEqualTo(!clears);
    }

    private static boolean apply(SynchronizationJob job, String event) {
        if (event.equals("start")) {
            return job.start(INTERVAL);
        }
        if (event.equals("pause")) {
            return job.pause();
        }
        String scope = event.substring("restart".length()).trim();
        Set<RestartScope> flags = RestartScope.parseFlags(scope);
        return job.restart(flags, INTERVAL);
    }

    private static SynchronizationJob job(String state) {
        SynchronizationJob job = SynchronizationJob.create("scim.x", UUID.randomUUID(), "scim", List.of());
        job.updateConfigured(true);
        switch (state) {
            case "created" -> {
            }
            case "neverCompleted" -> job.start(INTERVAL);
            case "active" -> completeACycle(job);
            case "paused" -> {
                completeACycle(job);
                job.pause();
            }
            case "quarantined" -> quarantine(job);
            case "pausedInQuarantine" -> {
                quarantine(job);
                job.pause();
            }
            case "disabledInQuarantine" -> {
                quarantine(job);
                job.disableInQuarantine(T0.plus(Duration.ofDays(29)));
            }
            default -> throw new IllegalArgumentException(state);
        }
        return job;
    }

    private static void completeACycle(SynchronizationJob job) {
        job.start(INTERVAL);
        job.recordCycle(execution("Succeeded", T0, null), List.of(), true);
    }

    private static void quarantine(SynchronizationJob job) {
        completeACycle(job);
        SynchronizationError error = new SynchronizationError("Unauthorized", "token rejected", true);
        job.recordCycle(execution("Failed", T0.plusSeconds(60), error), List.of(), false);
        job.quarantine("EncounteredQuarantineException", error, T0.plusSeconds(90), Duration.ofHours(6));
    }

    private static SynchronizationTaskExecution execution(String state, Instant began, SynchronizationError error) {
        return new SynchronizationTaskExecution(UUID.randomUUID().toString(), 0, 0, 0, 0, 0, 0, 0, 0, 0, error, state,
                began, began.plusSeconds(30));
    }
}

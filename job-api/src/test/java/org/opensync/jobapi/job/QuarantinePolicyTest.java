package org.opensync.jobapi.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opensync.jobapi.config.JobApiConfig;
import org.opensync.jobapi.graph.SynchronizationError;
import org.opensync.jobapi.graph.SynchronizationTaskExecution;

/** The quarantine rules on their own: proportional thresholds, too many deletes, the back-off series, the limit. */
class QuarantinePolicyTest {
    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    private static final Duration NORMAL = Duration.ofMinutes(40);

    private final QuarantinePolicy policy = new QuarantinePolicy(defaults(), NORMAL);

    @Test
    void theWorkedExamplesOfTheProportionalRules() {
        assertThat(policy.escrowReason(new CycleFailures(45_000, 0, 0)))
                .contains("EncounteredBaseEscrowThreshold");
        assertThat(policy.escrowReason(new CycleFailures(30_000, 0, 5_000)))
                .contains("EncounteredEscrowProportionThreshold");
        assertThat(policy.escrowReason(new CycleFailures(20_000, 0, 100_000))).isEmpty();
        assertThat(policy.escrowReason(new CycleFailures(61_000, 21_000, 100_000)))
                .as("40,000 user and 21,000 manager failures").contains("EncounteredTotalEscrowThreshold");
    }

    @Test
    void belowTheFloorNothingIsEvaluatedAndReferenceFailuresCountOnlyTowardsTheCeiling() {
        assertThat(policy.escrowReason(new CycleFailures(4_999, 0, 0))).as("all failed, but below 5,000").isEmpty();
        assertThat(policy.escrowReason(new CycleFailures(5_000, 0, 0)))
                .contains("EncounteredEscrowProportionThreshold");
        assertThat(policy.escrowReason(new CycleFailures(50_000, 20_000, 100_000)))
                .as("30,000 object failures of 130,000, 20,000 reference failures").isEmpty();
        assertThat(policy.escrowReason(new CycleFailures(60_000, 20_000, 1_000_000)))
                .as("the ceiling is exceeded, not reached").isEmpty();
        assertThat(policy.escrowReason(new CycleFailures(40_001, 0, 1_000_000)))
                .contains("EncounteredBaseEscrowThreshold");
    }

    @Test
    void aCycleThatReachedTheDeletionThresholdQuarantinesWithTooManyDeletes() {
        SynchronizationJob job = active();
        SynchronizationTaskExecution cycle = failed("TooManyDeletes", true);
        job.recordCycle(cycle, List.of(), false);

        assertThat(policy.afterCycle(job, cycle, none(), T0))
                .contains(new QuarantinePolicy.ScheduleChange.Every(Duration.ofHours(6)));

        assertThat(job.statusCode).isEqualTo(StatusCode.Quarantine);
        assertThat(job.quarantine.reason()).isEqualTo("TooManyDeletes");
        assertThat(job.quarantine.error().code()).isEqualTo("TooManyDeletes");
    }

    @Test
    void theBackOffIsSixTwelveAndTwentyFourHoursThenDailyAndAGoodCycleLiftsIt() {
        SynchronizationJob job = active();
        Instant now = T0;
        List<Duration> expected = List.of(Duration.ofHours(6), Duration.ofHours(12), Duration.ofHours(24),
                Duration.ofHours(24), Duration.ofHours(24));
        for (int i = 0; i < expected.size(); i++) {
            SynchronizationTaskExecution cycle = failed("Unauthorized", true, now);
            job.recordCycle(cycle, List.of(), false);
            assertThat(policy.afterCycle(job, cycle, none(), now))
                    .contains(new QuarantinePolicy.ScheduleChange.Every(expected.get(i)));
            assertThat(job.quarantine.seriesCount()).isEqualTo(i);
            assertThat(job.quarantine.seriesBegan()).isEqualTo(T0);
            assertThat(job.quarantine.currentBegan()).isEqualTo(now);
            assertThat(job.quarantine.nextAttempt()).isEqualTo(now.plus(expected.get(i)));
            now = job.quarantine.nextAttempt();
        }

        SynchronizationTaskExecution good = execution("Succeeded", now, null);
        job.recordCycle(good, List.of(), false);
        assertThat(policy.afterCycle(job, good, none(), now))
                .contains(new QuarantinePolicy.ScheduleChange.Every(NORMAL));
        assertThat(job.quarantine).isNull();
        assertThat(job.statusCode).isEqualTo(StatusCode.Active);
    }

    @Test
    void aQuarantineOfMoreThanFourWeeksDisablesTheJob() {
        SynchronizationJob job = active();
        SynchronizationTaskExecution first = failed("Unauthorized", true, T0);
        job.recordCycle(first, List.of(), false);
        policy.afterCycle(job, first, none(), T0);

        Instant fourWeeks = T0.plus(Duration.ofDays(28));
        SynchronizationTaskExecution atLimit = failed("Unauthorized", true, fourWeeks);
        job.recordCycle(atLimit, List.of(), false);
        assertThat(policy.afterCycle(job, atLimit, none(), fourWeeks)).get()
                .isInstanceOf(QuarantinePolicy.ScheduleChange.Every.class);

        Instant later = fourWeeks.plus(Duration.ofDays(1));
        SynchronizationTaskExecution beyond = failed("Unauthorized", true, later);
        job.recordCycle(beyond, List.of(), false);
        assertThat(policy.afterCycle(job, beyond, none(), later))
                .contains(new QuarantinePolicy.ScheduleChange.Stop());

        assertThat(job.scheduleState).isEqualTo(ScheduleState.Disabled);
        assertThat(job.statusCode).isEqualTo(StatusCode.Quarantine);
        assertThat(job.quarantine.nextAttempt()).as("no further attempt").isNull();
        assertThat(job.quarantine.seriesBegan()).isEqualTo(T0);

        job.start(NORMAL);
        assertThat(job.scheduleState).isEqualTo(ScheduleState.Active);
        assertThat(job.quarantine).isNull();
    }

    @Test
    void aPausedJobWhoseLastCycleFailsStaysPaused() {
        SynchronizationJob job = active();
        job.pause();
        SynchronizationTaskExecution cycle = failed("Unauthorized", true, T0);
        job.recordCycle(cycle, List.of(), false);

        policy.afterCycle(job, cycle, none(), T0);

        assertThat(job.statusCode).isEqualTo(StatusCode.Paused);
        assertThat(job.scheduleState).isEqualTo(ScheduleState.Paused);
    }

    @Test
    void countsOfAnOlderProvisionerFallBackToEscrows() {
        assertThat(CycleFailures.of(java.util.Map.of("countEscrowed", 7L, "countExported", 3L)))
                .isEqualTo(new CycleFailures(7, 0, 3));
        assertThat(CycleFailures.of(java.util.Map.of("countEscrowed", 7L, "countFailures", 9L,
                "countReferenceFailures", 2L))).isEqualTo(new CycleFailures(9, 2, 0));
    }

    private static CycleFailures none() {
        return new CycleFailures(0, 0, 0);
    }

    private static SynchronizationJob active() {
        SynchronizationJob job = SynchronizationJob.create("scim.x", UUID.randomUUID(), "scim", List.of());
        job.start(NORMAL);
        return job;
    }

    private static SynchronizationTaskExecution failed(String code, boolean tenantActionable) {
        return failed(code, tenantActionable, T0);
    }

    private static SynchronizationTaskExecution failed(String code, boolean tenantActionable, Instant began) {
        return execution("Failed", began, new SynchronizationError(code, code, tenantActionable));
    }

    private static SynchronizationTaskExecution execution(String state, Instant began, SynchronizationError error) {
        return new SynchronizationTaskExecution(UUID.randomUUID().toString(), 0, 0, 0, 0, 0, 0, 0, 0, 0, error, state,
                began, began.plusSeconds(30));
    }

    static JobApiConfig.Quarantine defaults() {
        return new JobApiConfig.Quarantine() {
            @Override
            public int afterFailures() {
                return 3;
            }

            @Override
            public List<Duration> retryIntervals() {
                return List.of(Duration.ofHours(6), Duration.ofHours(12), Duration.ofHours(24));
            }

            @Override
            public long escrowFloor() {
                return 5_000;
            }

            @Override
            public double escrowProportion() {
                return 0.4;
            }

            @Override
            public long escrowCeiling() {
                return 40_000;
            }

            @Override
            public long escrowTotalCeiling() {
                return 60_000;
            }

            @Override
            public Duration disableAfter() {
                return Duration.ofDays(28);
            }
        };
    }
}

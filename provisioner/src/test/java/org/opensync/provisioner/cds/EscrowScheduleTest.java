package org.opensync.provisioner.cds;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The escrow back-off on its own: next cycle, 6 h, 12 h, 24 h, then daily until 28 days after the first failure. */
class EscrowScheduleTest {
    private static final Instant FIRST = Instant.parse("2026-12-01T10:00:00Z");
    private static final Duration NEXT_CYCLE = Duration.ofMinutes(1);
    private final EscrowSchedule schedule = new EscrowSchedule(
            List.of(Duration.ofHours(6), Duration.ofHours(12), Duration.ofHours(24)), Duration.ofDays(28));

    @Test
    void retriesAtTheNextCycleThenAfterSixTwelveAndTwentyFourHoursThenDaily() {
        assertThat(schedule.nextRetry(1, NEXT_CYCLE, FIRST, FIRST)).contains(FIRST.plus(NEXT_CYCLE));
        Instant second = FIRST.plus(NEXT_CYCLE);
        assertThat(schedule.nextRetry(2, NEXT_CYCLE, FIRST, second)).contains(second.plus(Duration.ofHours(6)));
        Instant third = second.plus(Duration.ofHours(6));
        assertThat(schedule.nextRetry(3, NEXT_CYCLE, FIRST, third)).contains(third.plus(Duration.ofHours(12)));
        Instant fourth = third.plus(Duration.ofHours(12));
        assertThat(schedule.nextRetry(4, NEXT_CYCLE, FIRST, fourth)).contains(fourth.plus(Duration.ofHours(24)));
        Instant fifth = fourth.plus(Duration.ofHours(24));
        assertThat(schedule.nextRetry(5, NEXT_CYCLE, FIRST, fifth)).contains(fifth.plus(Duration.ofHours(24)));
    }

    @Test
    void anObjectStillFailingTwentyEightDaysAfterItsFirstFailureIsGivenUp() {
        List<Instant> retries = new ArrayList<>();
        Instant now = FIRST;
        for (int attempts = 1; attempts < 100; attempts++) {
            Optional<Instant> next = schedule.nextRetry(attempts, NEXT_CYCLE, FIRST, now);
            if (next.isEmpty()) {
                break;
            }
            retries.add(next.get());
            now = next.get();
        }

        assertThat(retries).last().satisfies(last ->
                assertThat(last).isBeforeOrEqualTo(FIRST.plus(Duration.ofDays(28))));
        assertThat(Duration.between(retries.get(retries.size() - 1), FIRST.plus(Duration.ofDays(28))))
                .as("the daily retries run until the period is over").isLessThan(Duration.ofDays(1));
        assertThat(retries).hasSize(30);
    }
}

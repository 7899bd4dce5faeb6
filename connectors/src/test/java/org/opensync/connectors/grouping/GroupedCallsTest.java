package org.opensync.connectors.grouping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opensync.connectors.grouping.GroupedCalls.Answer;

class GroupedCallsTest {
    private final ExecutorService callers = Executors.newCachedThreadPool();
    private final List<List<Integer>> groups = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        callers.shutdownNow();
    }

    @Test
    void aLoneCallGoesAtOnceAndAlone() {
        GroupedCalls<Integer, Integer> calls = new GroupedCalls<>(1, this::timesTen);

        assertThat(calls.call(7, 50)).isEqualTo(70);
        assertThat(groups).containsExactly(List.of(7));
    }

    @Test
    void callsArrivingWhileTheSlotsAreTakenGoTogetherUpToTheGroupSizeEachWithItsOwnAnswer() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        GroupedCalls<Integer, Integer> calls = new GroupedCalls<>(1, items -> {
            List<Answer<Integer>> answers = timesTen(items);
            if (items.contains(0)) {
                await(release);
            }
            return answers;
        });
        Future<Integer> first = callers.submit(() -> calls.call(0, 3));
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> groups.size() == 1);
        List<Future<Integer>> waiting = new ArrayList<>();
        List<Thread> threads = new CopyOnWriteArrayList<>();
        for (int i = 1; i <= 5; i++) {
            int item = i;
            waiting.add(callers.submit(() -> {
                threads.add(Thread.currentThread());
                return calls.call(item, 3);
            }));
        }
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> threads.size() == 5
                && threads.stream().allMatch(thread -> thread.getState() == Thread.State.WAITING));
        release.countDown();

        assertThat(first.get(10, TimeUnit.SECONDS)).isZero();
        for (int i = 0; i < waiting.size(); i++) {
            assertThat(waiting.get(i).get(10, TimeUnit.SECONDS)).isEqualTo((i + 1) * 10);
        }
        assertThat(groups).hasSize(3).allSatisfy(group -> assertThat(group).hasSizeLessThanOrEqualTo(3));
        assertThat(groups.get(1)).hasSize(3);
    }

    @Test
    void anItemsFailureFailsItsCallerAloneAndAGroupsFailureFailsEveryCallerOfIt() {
        GroupedCalls<Integer, Integer> calls = new GroupedCalls<>(1, items -> {
            if (items.contains(-1)) {
                throw new IllegalStateException("the whole request failed");
            }
            return items.stream().map(item -> item == 13 ? Answer.<Integer>failed(
                    new IllegalArgumentException("13 refused")) : Answer.of(item)).toList();
        });

        assertThatThrownBy(() -> calls.call(13, 10)).hasMessage("13 refused");
        assertThat(calls.call(12, 10)).isEqualTo(12);
        assertThatThrownBy(() -> calls.call(-1, 10)).hasMessage("the whole request failed");
    }

    @Test
    void noMoreGroupsThanTheSlotsAreUnderWayAtOnce() throws Exception {
        AtomicInteger underWay = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        GroupedCalls<Integer, Integer> calls = new GroupedCalls<>(2, items -> {
            most.accumulateAndGet(underWay.incrementAndGet(), Math::max);
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            underWay.decrementAndGet();
            return timesTen(items);
        });
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            int item = i;
            answers.add(callers.submit(() -> calls.call(item, 4)));
        }
        for (int i = 0; i < answers.size(); i++) {
            assertThat(answers.get(i).get(30, TimeUnit.SECONDS)).isEqualTo(i * 10);
        }
        assertThat(most.get()).isBetween(1, 2);
        assertThat(groups.stream().mapToInt(List::size).sum()).isEqualTo(200);
    }

    private List<Answer<Integer>> timesTen(List<Integer> items) {
        groups.add(List.copyOf(items));
        return items.stream().map(item -> Answer.of(item * 10)).toList();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package org.opensync.connectors.grouping;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Calls that threads make at the same time, carried out together: while {@code inFlight} groups are under way, the
 * calls that arrive wait, and the next group carries all of them (up to the size the caller allows). Nothing waits on
 * purpose: a call that finds a slot free goes out at once, alone. One request or statement for many items costs the
 * other side and this service less per item than one each. Each caller gets exactly its own answer, or the failure
 * of its own item or of its whole group, and returns only then, so what it does next still follows its call.
 *
 * @param <I> what a caller hands over
 * @param <R> what it gets back
 */
public final class GroupedCalls<I, R> {
    /** Carries out a group of calls. */
    @FunctionalInterface
    public interface Sender<I, R> {
        /**
         * @return one answer per item, in their order; a thrown exception fails every item of the group, as it would
         *         have failed each call made alone
         */
        List<Answer<R>> send(List<I> items);
    }

    /** One item's answer: its result, or the failure its own call would have met. */
    public record Answer<R>(R result, RuntimeException failure) {
        public static <R> Answer<R> of(R result) {
            return new Answer<>(result, null);
        }

        public static <R> Answer<R> failed(RuntimeException failure) {
            return new Answer<>(null, failure);
        }
    }

    private final Sender<I, R> sender;
    private final int inFlight;
    private final Object lock = new Object();
    /** At most one entry per calling thread: every caller waits here until its call is answered. */
    private final Deque<Pending> waiting = new ArrayDeque<>();
    private int underWay;

    /** @param inFlight groups under way at once (at least one) */
    public GroupedCalls(int inFlight, Sender<I, R> sender) {
        if (inFlight < 1) {
            throw new IllegalArgumentException("inFlight must be at least 1");
        }
        this.inFlight = inFlight;
        this.sender = sender;
    }

    /**
     * @param maxGroup the most items a group may carry (at least one)
     * @return the item's result; throws the failure of the item or of its group
     */
    public R call(I item, int maxGroup) {
        Pending mine = new Pending(item);
        synchronized (lock) {
            waiting.add(mine);
        }
        while (true) {
            List<Pending> group = awaitTurn(mine, Math.max(1, maxGroup));
            if (group.isEmpty()) {
                return mine.result();
            }
            try {
                send(group);
            } finally {
                synchronized (lock) {
                    underWay--;
                    lock.notifyAll();
                }
            }
        }
    }

    /** Empty once the caller's item is answered; else the items it is to send now, its own among them or not. */
    private List<Pending> awaitTurn(Pending mine, int maxGroup) {
        synchronized (lock) {
            while (mine.answer == null) {
                // An empty queue: the caller's own item is in a group under way, whose sender answers it
                if (!waiting.isEmpty() && underWay < inFlight) {
                    underWay++;
                    List<Pending> group = new ArrayList<>();
                    while (!waiting.isEmpty() && group.size() < maxGroup) {
                        group.add(waiting.poll());
                    }
                    return group;
                }
                try {
                    lock.wait();
                } catch (InterruptedException e) {
                    // The service stops: whatever the call was part of is redone
                    Thread.currentThread().interrupt();
                    waiting.remove(mine);
                    throw new IllegalStateException("interrupted while waiting for a grouped call", e);
                }
            }
            return List.of();
        }
    }

    private void send(List<Pending> group) {
        try {
            List<Answer<R>> answers = sender.send(group.stream().map(pending -> pending.item).toList());
            if (answers.size() != group.size()) {
                throw new IllegalStateException("a grouped call got " + answers.size() + " answers for "
                        + group.size() + " items");
            }
            for (int i = 0; i < group.size(); i++) {
                group.get(i).answer(answers.get(i));
            }
        } catch (RuntimeException e) {
            // Whatever failed the group fails each of its items, as it would have failed their own calls
            group.forEach(pending -> pending.answerIfNone(Answer.failed(e)));
        } finally {
            // Even an Error leaves no caller waiting for an answer that will never come
            group.forEach(pending -> pending.answerIfNone(Answer.failed(
                    new IllegalStateException("the grouped call ended without an answer"))));
        }
    }

    /** One caller's item; answered under the lock, read by its caller after waking. */
    private final class Pending {
        private final I item;
        private Answer<R> answer;

        Pending(I item) {
            this.item = item;
        }

        void answer(Answer<R> given) {
            synchronized (lock) {
                answer = given;
            }
        }

        void answerIfNone(Answer<R> given) {
            synchronized (lock) {
                if (answer == null) {
                    answer = given;
                }
            }
        }

        R result() {
            Answer<R> given;
            synchronized (lock) {
                given = answer;
            }
            if (given.failure() != null) {
                throw given.failure();
            }
            return given.result();
        }
    }
}

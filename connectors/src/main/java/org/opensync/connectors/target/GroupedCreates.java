package org.opensync.connectors.target;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.opensync.connectors.scim.BulkResult;
import org.opensync.connectors.scim.BulkSupport;
import org.opensync.connectors.scim.ScimClient;
import org.opensync.connectors.scim.ScimException;
import org.opensync.connectors.scim.ScimResource;
import org.opensync.connectors.scim.ScimResourceType;

/**
 * Creates that a job's workers ask for at the same time, sent to a target that supports {@code /Bulk} together: while
 * {@link #IN_FLIGHT} requests of a resource type are under way, the creates of that type that arrive wait, and the
 * next request carries all of them (up to the target's {@code maxOperations}). Fewer requests cost the target and the
 * provisioner less per object, and nothing waits on purpose: a create that finds a request slot free goes out at once,
 * a lone one as the usual POST. Several requests in flight keep the target working on the job's creates while one
 * request's answer travels back. Each caller gets exactly its own answer, the created resource or the failure a POST
 * of its own would have met, and returns only then, so an object's later steps (its memberships) still follow its
 * creation.
 */
final class GroupedCreates {
    /**
     * Create requests of one type a job has under way at once. One would leave the target idle while each answer
     * travels back (the benchmark's job waited on it); a few keep it busy without giving up the grouping.
     */
    static final int IN_FLIGHT = 4;

    private final ScimClient scim;
    private final Object lock = new Object();
    /** At most one entry per worker of the job: every caller waits here until its create is answered. */
    private final Map<ScimResourceType, Deque<Pending>> waiting = new EnumMap<>(ScimResourceType.class);
    private final Map<ScimResourceType, Integer> inFlight = new EnumMap<>(ScimResourceType.class);

    GroupedCreates(ScimClient scim) {
        this.scim = scim;
    }

    ScimResource create(ScimResourceType type, ObjectNode body) {
        BulkSupport bulk = scim.bulkSupport();
        if (!bulk.supported() || bulk.maxOperations() < 2) {
            return scim.create(type, body);
        }
        Pending mine = new Pending(body);
        synchronized (lock) {
            waiting.computeIfAbsent(type, t -> new ArrayDeque<>()).add(mine);
        }
        while (true) {
            List<Pending> batch = awaitTurn(type, mine, bulk.maxOperations());
            if (batch.isEmpty()) {
                return mine.result();
            }
            try {
                send(type, batch);
            } finally {
                synchronized (lock) {
                    inFlight.merge(type, -1, Integer::sum);
                    lock.notifyAll();
                }
            }
        }
    }

    /** Empty once the caller's create is answered; else the creates it is to send now, its own among them or not. */
    private List<Pending> awaitTurn(ScimResourceType type, Pending mine, int maxOperations) {
        synchronized (lock) {
            while (!mine.answered()) {
                Deque<Pending> queue = waiting.get(type);
                // An empty queue: the caller's own create is in a request under way, whose sender answers it
                if (!queue.isEmpty() && inFlight.getOrDefault(type, 0) < IN_FLIGHT) {
                    inFlight.merge(type, 1, Integer::sum);
                    List<Pending> batch = new ArrayList<>();
                    while (!queue.isEmpty() && batch.size() < maxOperations) {
                        batch.add(queue.poll());
                    }
                    return batch;
                }
                try {
                    lock.wait();
                } catch (InterruptedException e) {
                    // The instance stops: the object's work is redone, and matching finds it if it was created
                    Thread.currentThread().interrupt();
                    waiting.get(type).remove(mine);
                    throw new IllegalStateException("interrupted while waiting for a grouped create", e);
                }
            }
            return List.of();
        }
    }

    private void send(ScimResourceType type, List<Pending> batch) {
        try {
            if (batch.size() == 1) {
                batch.get(0).answer(createOne(type, batch.get(0).body));
                return;
            }
            List<BulkResult> results = scim.createEach(type, batch.stream().map(p -> p.body).toList());
            for (int i = 0; i < batch.size(); i++) {
                BulkResult result = results.get(i);
                batch.get(i).answer(result.failure() == null ? new Answer(result.created(), null)
                        : new Answer(null, result.failure()));
            }
        } catch (RuntimeException e) {
            // Whatever failed the request fails each of its creates, as it would have failed their own POSTs
            batch.stream().filter(p -> !p.answered()).forEach(p -> p.answer(new Answer(null, e)));
        } finally {
            // Even an Error leaves no caller waiting for an answer that will never come
            batch.stream().filter(p -> !p.answered()).forEach(p -> p.answer(new Answer(null,
                    new IllegalStateException("the grouped create request ended without an answer"))));
        }
    }

    private Answer createOne(ScimResourceType type, ObjectNode body) {
        try {
            return new Answer(scim.create(type, body), null);
        } catch (ScimException e) {
            return new Answer(null, e);
        }
    }

    private record Answer(ScimResource created, RuntimeException failure) {
    }

    /** One caller's create; answered under the lock's happens-before, read by its caller after waking. */
    private final class Pending {
        private final ObjectNode body;
        private Answer answer;

        Pending(ObjectNode body) {
            this.body = body;
        }

        boolean answered() {
            synchronized (lock) {
                return answer != null;
            }
        }

        void answer(Answer given) {
            synchronized (lock) {
                answer = given;
            }
        }

        ScimResource result() {
            Answer given;
            synchronized (lock) {
                given = answer;
            }
            if (given.failure() != null) {
                throw given.failure();
            }
            return given.created();
        }
    }
}

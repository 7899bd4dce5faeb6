package org.opensync.provisioner.cds;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.opensync.common.events.EventCodec;
import org.opensync.common.events.ObjectChange;
import org.opensync.common.events.ObjectChangeParts;
import org.opensync.common.events.Topics;
import org.opensync.common.kafka.DeadLetters;

/**
 * Puts object changes that change-detector sent in parts back together. Each part is stored as it arrives (a batch
 * may end between two parts, and its offsets are then committed); the last part brings the whole change into the
 * job's stream, at its place. The stored parts are forgotten only after the whole change was worked, so a crash
 * in between assembles it again from the parts and the redelivered last part. Parts of a cycle that never sent its
 * last part (change-detector failed it) are dropped when the job begins a cycle after that one is no longer running.
 */
@ApplicationScoped
public class ObjectChangeAssembly {
    /** The consumer named on the dead letters of parts that cannot be put together. */
    public static final String CONSUMER = "provisioner.object-changes";

    private final Jdbc jdbc;
    private final DeadLetters deadLetters;

    @Inject
    public ObjectChangeAssembly(AgroalDataSource dataSource, DeadLetters deadLetters) {
        this.jdbc = new Jdbc(dataSource);
        this.deadLetters = deadLetters;
    }

    /**
     * A job's share of a batch with the parts taken out and each object whose last part arrived put in whole.
     *
     * @param assembled the event ids of the objects put together, whose parts {@link #worked} forgets
     */
    public record Assembled(List<ObjectChange> changes, List<String> assembled) {
    }

    /** Stores every part among the job's changes and puts together each object whose last part is here. */
    public Assembled assemble(String jobId, List<ObjectChange> changes) {
        List<ObjectChange> whole = new ArrayList<>(changes.size());
        List<String> assembled = new ArrayList<>();
        for (ObjectChange change : changes) {
            if (change instanceof ObjectChange.CycleBegan began) {
                dropOtherCycles(jobId, began.cycleId());
            }
            if (!(change instanceof ObjectChange.ObjectChanged object) || !object.partial()) {
                whole.add(change);
                continue;
            }
            store(jobId, object);
            if (object.part().equals(object.parts())) {
                assembled(jobId, object).ifPresent(complete -> {
                    whole.add(complete);
                    assembled.add(complete.eventId());
                });
            }
        }
        return new Assembled(whole, assembled);
    }

    /** Forgets the parts of the objects put together, once the objects were worked (provisioned or escrowed). */
    public void worked(String jobId, Assembled batch) {
        if (!batch.assembled().isEmpty()) {
            jdbc.update("delete from object_change_part where job_id = ? and event_id = any(?)", statement -> {
                statement.set(1, jobId);
                statement.set(2, batch.assembled());
            });
        }
    }

    private void store(String jobId, ObjectChange.ObjectChanged part) {
        jdbc.update("""
                        insert into object_change_part (job_id, event_id, part, cycle_id, change, received_at)
                        values (?, ?, ?, ?, ?, now()) on conflict do nothing""",
                statement -> {
                    statement.set(1, jobId);
                    statement.set(2, part.eventId());
                    statement.set(3, part.part());
                    statement.set(4, part.cycleId());
                    statement.set(5, EventCodec.encode(part));
                });
    }

    private Optional<ObjectChange.ObjectChanged> assembled(String jobId, ObjectChange.ObjectChanged last) {
        List<String> stored = jdbc.query(
                "select change from object_change_part where job_id = ? and event_id = ? order by part",
                statement -> {
                    statement.set(1, jobId);
                    statement.set(2, last.eventId());
                },
                row -> row.getString(1));
        List<ObjectChange.ObjectChanged> parts = stored.stream()
                .map(part -> (ObjectChange.ObjectChanged) EventCodec.decode(part, ObjectChange.class)).toList();
        try {
            return Optional.of(ObjectChangeParts.assemble(parts));
        } catch (IllegalArgumentException e) {
            setAside(jobId, last, stored, e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * Parts travel in order on one partition and are stored before any offset moves, so a gap means a bug or a
     * tampered topic: the parts go to the dead-letter topic with the reason (replayable once mended) rather than
     * blocking the job, and the object is provisioned again when it changes or at a full cycle.
     */
    private void setAside(String jobId, ObjectChange.ObjectChanged last, List<String> stored, String reason) {
        String why = last.objectType() + " " + last.anchor() + " cannot be assembled: " + reason;
        for (String part : stored) {
            deadLetters.send(Topics.OBJECT_CHANGES, jobId, part, why, CONSUMER);
        }
        jdbc.update("delete from object_change_part where job_id = ? and event_id = ?", statement -> {
            statement.set(1, jobId);
            statement.set(2, last.eventId());
        });
    }

    /**
     * Keeps the parts of the job's cycles still running: a cycle spread over several partitions may still be read on
     * another slice while this one begins the next.
     */
    private void dropOtherCycles(String jobId, String cycleId) {
        jdbc.update("""
                delete from object_change_part where job_id = ? and cycle_id <> ?
                    and cycle_id not in (select cycle_id from running_cycle where job_id = ? and not finished)""",
                statement -> {
                    statement.set(1, jobId);
                    statement.set(2, cycleId);
                    statement.set(3, jobId);
                });
    }
}

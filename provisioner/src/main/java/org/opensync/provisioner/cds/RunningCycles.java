package org.opensync.provisioner.cds;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.opensync.common.events.JobEvent;
import org.opensync.common.events.RestartScope;
import org.opensync.common.events.Tick;
import org.opensync.common.mirror.MirrorConsumers;

/**
 * The cycles each job is in, kept in the provisioner's database: a restart or a rebalance in the middle of a cycle
 * must not forget that it was a full cycle, that the admin allowed deletions (ForceDeletes) or how many objects it
 * exported so far. A job's cycle may be spread over several slices (partitions of {@code sync.object-changes}), each
 * worked by whichever instance holds it: each slice adds its counts as it goes and records that it completed its
 * read; the one that records the last completion ends the cycle. A slice that went ahead may begin the job's next
 * cycle meanwhile, so a job can have several rows. A finished cycle's row is purged once its result was published,
 * with the rows of the job's earlier cycles that never completed (a read that failed half-way).
 */
@ApplicationScoped
public class RunningCycles {
    private static final TypeReference<Map<String, Long>> COUNTS = new TypeReference<>() {
    };
    private static final String COLUMNS = "kind, began, reset_scope, slices, counts, first_target_error";

    /**
     * A cycle as stored; {@code counts} are the totals of every slice so far, {@code firstTargetError} the first
     * failure that concerned the target as a whole.
     */
    public record RunningCycle(String jobId, String cycleId, Tick.CycleKind kind, Instant began,
                               Set<RestartScope> resetScope, int slices, Map<String, Long> counts,
                               JobEvent.CycleError firstTargetError) {
    }

    private final Jdbc jdbc;
    private final ObjectMapper mapper;

    @Inject
    public RunningCycles(AgroalDataSource dataSource, ObjectMapper mapper) {
        this.jdbc = new Jdbc(dataSource);
        this.mapper = mapper;
    }

    /** Records the cycle unless a slice did already. */
    public void begin(RunningCycle cycle) {
        jdbc.update("""
                        insert into running_cycle (job_id, cycle_id, kind, began, reset_scope, slices, counts,
                                                   first_target_error, started_at, finished)
                        values (?, ?, ?, ?::timestamptz, ?, ?, '{}', null, now(), false)
                        on conflict (job_id, cycle_id) do nothing""",
                statement -> {
                    statement.set(1, cycle.jobId());
                    statement.set(2, cycle.cycleId());
                    statement.set(3, cycle.kind().name());
                    statement.set(4, cycle.began().toString());
                    statement.set(5, scope(cycle.resetScope()));
                    statement.set(6, cycle.slices());
                });
    }

    /**
     * Adds what a slice counted since it last added; returns the cycle with the totals, empty when the cycle is no
     * longer running.
     */
    public Optional<RunningCycle> add(String jobId, String cycleId, Map<String, Long> counts,
                                      JobEvent.CycleError firstTargetError) {
        return jdbc.query("""
                        with added as (select ?::jsonb as delta)
                        update running_cycle set
                            counts = (select coalesce(jsonb_object_agg(name,
                                          coalesce((running_cycle.counts::jsonb ->> name)::bigint, 0)
                                          + coalesce((added.delta ->> name)::bigint, 0)), '{}'::jsonb)::text
                                      from jsonb_object_keys(running_cycle.counts::jsonb || added.delta) name),
                            first_target_error = coalesce(first_target_error, ?)
                        from added
                        where job_id = ? and cycle_id = ? returning\s""" + COLUMNS,
                statement -> {
                    statement.set(1, json(counts));
                    statement.set(2, error(firstTargetError));
                    statement.set(3, jobId);
                    statement.set(4, cycleId);
                },
                row -> cycle(jobId, cycleId, row)).stream().findFirst();
    }

    /** Whether a slice recorded the cycle's beginning, whether or not the cycle ended since. */
    public boolean recorded(String jobId, String cycleId) {
        return !jdbc.query("select 1 from running_cycle where job_id = ? and cycle_id = ?", statement -> {
            statement.set(1, jobId);
            statement.set(2, cycleId);
        }, row -> row.getInt(1)).isEmpty();
    }

    /** The cycle, while it runs. */
    public Optional<RunningCycle> find(String jobId, String cycleId) {
        return jdbc.query("select " + COLUMNS + " from running_cycle where job_id = ? and cycle_id = ? and not finished",
                statement -> {
                    statement.set(1, jobId);
                    statement.set(2, cycleId);
                },
                row -> cycle(jobId, cycleId, row)).stream().findFirst();
    }

    /**
     * Records that a slice read the whole cycle (again, after a restart, changes nothing); returns whether every
     * slice has, so that the cycle can end. {@code slices} is how many the completion marker names: a cycle recorded
     * from an object whose beginning was never seen counts one until then.
     */
    public boolean completeSlice(String jobId, String cycleId, int slice, int slices) {
        return jdbc.query("""
                        update running_cycle set slices_done = case when ?::integer = any(slices_done) then slices_done
                                                                    else array_append(slices_done, ?::integer) end,
                                                 slices = greatest(slices, ?::integer)
                        where job_id = ? and cycle_id = ? and not finished
                        returning cardinality(slices_done) >= slices""",
                statement -> {
                    statement.set(1, slice);
                    statement.set(2, slice);
                    statement.set(3, slices);
                    statement.set(4, jobId);
                    statement.set(5, cycleId);
                },
                row -> row.getBoolean(1)).stream().findFirst().orElse(false);
    }

    /** The cycle's result is about to be published; its row goes with {@link #purgeFinished} once it was. */
    public void finished(String jobId, String cycleId) {
        jdbc.update("update running_cycle set finished = true where job_id = ? and cycle_id = ?", statement -> {
            statement.set(1, jobId);
            statement.set(2, cycleId);
        });
    }

    /**
     * After the publisher confirmed every record of the batch, including the finished cycles' results. A cycle that
     * began before a finished one of its job and is still running never completed its read on some slice, and
     * never will: every slice has gone past it.
     */
    public void purgeFinished() {
        jdbc.update("""
                delete from running_cycle running where finished or exists (select 1 from running_cycle later
                    where later.finished and later.job_id = running.job_id and later.began > running.began)""",
                statement -> {
                });
    }

    void forget(@Observes MirrorConsumers.JobRemoved removed) {
        jdbc.update("delete from running_cycle where job_id = ?", statement -> statement.set(1, removed.jobId()));
    }

    private RunningCycle cycle(String jobId, String cycleId, ResultSet row) throws SQLException {
        return new RunningCycle(jobId, cycleId, Tick.CycleKind.valueOf(row.getString(1)),
                row.getTimestamp(2).toInstant(), scope(row.getString(3)), row.getInt(4), counts(row.getString(5)),
                error(row.getString(6)));
    }

    private static String scope(Set<RestartScope> scope) {
        return scope.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    }

    private static Set<RestartScope> scope(String text) {
        EnumSet<RestartScope> scope = EnumSet.noneOf(RestartScope.class);
        Arrays.stream(text.split(",")).filter(name -> !name.isBlank()).map(RestartScope::valueOf).forEach(scope::add);
        return scope;
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot store a running cycle", e);
        }
    }

    private Map<String, Long> counts(String json) {
        try {
            return mapper.readValue(json, COUNTS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored running cycle is unreadable", e);
        }
    }

    private String error(JobEvent.CycleError error) {
        return error == null ? null : json(error);
    }

    private JobEvent.CycleError error(String json) {
        try {
            return json == null ? null : mapper.readValue(json, JobEvent.CycleError.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored running cycle is unreadable", e);
        }
    }
}

package org.opensync.provisioner.cds;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
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
 * The cycle each job is in, kept in the provisioner's database: a restart or a rebalance in the middle of a cycle
 * must not forget that it was a full cycle, that the admin allowed deletions (ForceDeletes) or how many objects it
 * exported so far. A finished cycle's row is purged once its result was published.
 */
@ApplicationScoped
public class RunningCycles {
    private static final TypeReference<Map<String, Long>> COUNTS = new TypeReference<>() {
    };

    /** A cycle as stored; {@code firstTargetError} is the first failure that concerned the target as a whole. */
    public record RunningCycle(String jobId, String cycleId, Tick.CycleKind kind, Instant began,
                               Set<RestartScope> resetScope, Map<String, Long> counts,
                               JobEvent.CycleError firstTargetError) {
    }

    private final Jdbc jdbc;
    private final ObjectMapper mapper;

    @Inject
    public RunningCycles(AgroalDataSource dataSource, ObjectMapper mapper) {
        this.jdbc = new Jdbc(dataSource);
        this.mapper = mapper;
    }

    /** A new cycle of the job replaces whatever cycle it was in. */
    public void begin(RunningCycle cycle) {
        jdbc.update("""
                        insert into running_cycle (job_id, cycle_id, kind, began, reset_scope, counts,
                                                   first_target_error, started_at, finished)
                        values (?, ?, ?, ?::timestamptz, ?, ?, ?, now(), false)
                        on conflict (job_id) do update set cycle_id = excluded.cycle_id, kind = excluded.kind,
                            began = excluded.began, reset_scope = excluded.reset_scope, counts = excluded.counts,
                            first_target_error = excluded.first_target_error, started_at = now(), finished = false""",
                statement -> {
                    statement.set(1, cycle.jobId());
                    statement.set(2, cycle.cycleId());
                    statement.set(3, cycle.kind().name());
                    statement.set(4, cycle.began().toString());
                    statement.set(5, scope(cycle.resetScope()));
                    statement.set(6, json(cycle.counts()));
                    statement.set(7, error(cycle.firstTargetError()));
                });
    }

    /** The running counts, after a part of the cycle was worked through. */
    public void saveCounts(RunningCycle cycle) {
        jdbc.update("""
                        update running_cycle set counts = ?, first_target_error = ?
                        where job_id = ? and cycle_id = ?""",
                statement -> {
                    statement.set(1, json(cycle.counts()));
                    statement.set(2, error(cycle.firstTargetError()));
                    statement.set(3, cycle.jobId());
                    statement.set(4, cycle.cycleId());
                });
    }

    public Optional<RunningCycle> find(String jobId, String cycleId) {
        return jdbc.query("""
                        select kind, began, reset_scope, counts, first_target_error from running_cycle
                        where job_id = ? and cycle_id = ?""",
                statement -> {
                    statement.set(1, jobId);
                    statement.set(2, cycleId);
                },
                row -> new RunningCycle(jobId, cycleId, Tick.CycleKind.valueOf(row.getString(1)),
                        row.getTimestamp(2).toInstant(), scope(row.getString(3)), counts(row.getString(4)),
                        error(row.getString(5)))).stream().findFirst();
    }

    /** The cycle's result is about to be published; its row goes with {@link #purgeFinished} once it was. */
    public void finished(String jobId, String cycleId) {
        jdbc.update("update running_cycle set finished = true where job_id = ? and cycle_id = ?", statement -> {
            statement.set(1, jobId);
            statement.set(2, cycleId);
        });
    }

    /** After the publisher confirmed every record of the batch, including the finished cycles' results. */
    public void purgeFinished() {
        jdbc.update("delete from running_cycle where finished", statement -> {
        });
    }

    void forget(@Observes MirrorConsumers.JobRemoved removed) {
        jdbc.update("delete from running_cycle where job_id = ?", statement -> statement.set(1, removed.jobId()));
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

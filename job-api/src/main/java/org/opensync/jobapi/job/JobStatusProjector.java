package org.opensync.jobapi.job;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.opensync.common.events.JobCommand;
import org.opensync.common.events.JobEvent;
import org.opensync.common.events.Topics;
import org.opensync.common.inbox.EventConsumer;
import org.opensync.common.outbox.Outbox;
import org.opensync.jobapi.graph.StringKeyLongValuePair;
import org.opensync.jobapi.graph.SynchronizationError;
import org.opensync.jobapi.graph.SynchronizationProgress;
import org.opensync.jobapi.graph.SynchronizationTaskExecution;

/** Maintains each job's {@code status} from what the data path reports on {@code sync.job-events}. */
@ApplicationScoped
public class JobStatusProjector {
    private static final String CONSUMER = "job-api.status";

    private final EventConsumer consumer;
    private final QuarantinePolicy quarantine;
    private final Outbox outbox;
    private final Clock clock;

    @Inject
    public JobStatusProjector(EventConsumer consumer, QuarantinePolicy quarantine, Outbox outbox, Clock clock) {
        this.consumer = consumer;
        this.quarantine = quarantine;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Incoming("job-events")
    @Blocking
    public void onJobEvent(ConsumerRecord<String, String> record) {
        consumer.process(CONSUMER, record, JobEvent.class, this::apply);
    }

    private void apply(JobEvent event) {
        SynchronizationJob job = SynchronizationJob.findById(event.jobId());
        if (job == null) {
            return; // the job was deleted while the cycle ran
        }
        if (event instanceof JobEvent.CycleStarted started) {
            job.recordProgress(started.cycleId(), new SynchronizationProgress(0, started.occurredAt(), 0, null));
        } else if (event instanceof JobEvent.CycleProgressed progressed) {
            job.recordProgress(progressed.cycleId(), new SynchronizationProgress(progressed.completedUnits(),
                    progressed.occurredAt(), progressed.totalUnits(), progressed.units()));
        } else if (event instanceof JobEvent.CycleFinished finished) {
            SynchronizationTaskExecution execution = execution(finished);
            if (!job.recordCycle(execution, countsByType(finished), finished.steadyState())) {
                return;
            }
            Instant now = clock.instant();
            Map<String, Long> counts = finished.counts() == null ? Map.of() : finished.counts();
            quarantine.afterCycle(job, execution, CycleFailures.of(counts), now)
                    .ifPresent(change -> outbox.publish(Topics.JOB_COMMANDS, command(job.id, change, now)));
        }
    }

    private static JobCommand command(String jobId, QuarantinePolicy.ScheduleChange change, Instant now) {
        String eventId = UUID.randomUUID().toString();
        if (change instanceof QuarantinePolicy.ScheduleChange.Every every) {
            return new JobCommand.JobRescheduled(eventId, now, jobId, every.interval(), now.plus(every.interval()));
        }
        return new JobCommand.JobDisabled(eventId, now, jobId);
    }

    private static List<StringKeyLongValuePair> countsByType(JobEvent.CycleFinished cycle) {
        Map<String, Long> counts = cycle.countsByType() == null ? Map.of() : cycle.countsByType();
        return counts.entrySet().stream().map(e -> new StringKeyLongValuePair(e.getKey(), e.getValue())).toList();
    }

    private static SynchronizationTaskExecution execution(JobEvent.CycleFinished cycle) {
        Map<String, Long> counts = cycle.counts() == null ? Map.of() : cycle.counts();
        JobEvent.CycleError error = cycle.error();
        return new SynchronizationTaskExecution(cycle.cycleId(),
                count(counts, "countEntitled"), count(counts, "countEntitledForProvisioning"),
                count(counts, "countEscrowed"), count(counts, "countEscrowedRaw"), count(counts, "countExported"),
                count(counts, "countExports"), count(counts, "countImported"), count(counts, "countImportedDeltas"),
                count(counts, "countImportedReferenceDeltas"),
                error == null ? null : new SynchronizationError(error.code(), error.message(), error.tenantActionable()),
                cycle.result().name(), cycle.timeBegan(), cycle.timeEnded());
    }

    private static long count(Map<String, Long> counts, String name) {
        return counts.getOrDefault(name, 0L);
    }
}

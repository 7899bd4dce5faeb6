package org.opensync.scheduler;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.opensync.common.events.SourceChanged;
import org.opensync.common.inbox.EventConsumer;
import org.opensync.common.tracing.TraceContext;

/**
 * Brings a job's next tick forward when its source reports a change ({@link JobSchedule#sourceChanged}): push mode,
 * in which a change reaches the target within seconds whatever the job's interval, while the schedule stays the one
 * place that decides whether and when a job runs.
 */
@ApplicationScoped
public class SourceChangeHandler {
    private static final String CONSUMER = "scheduler.source-changes";

    private final EventConsumer consumer;
    private final SchedulerConfig config;
    private final Event<ScheduleChanged> scheduleChanged;

    @Inject
    public SourceChangeHandler(EventConsumer consumer, SchedulerConfig config,
                               Event<ScheduleChanged> scheduleChanged) {
        this.consumer = consumer;
        this.config = config;
        this.scheduleChanged = scheduleChanged;
    }

    @Incoming("source-changes")
    @Blocking
    public void onSourceChanged(ConsumerRecord<String, String> record) {
        consumer.process(CONSUMER, record, SourceChanged.class, this::apply);
    }

    private void apply(SourceChanged changed) {
        JobSchedule schedule = JobSchedule.findById(changed.jobId());
        if (schedule != null && schedule.sourceChanged(Instant.now(), config.minInterval())) {
            // the early tick continues the trace of the change that rang
            schedule.traceparent = TraceContext.current();
            scheduleChanged.fire(new ScheduleChanged());
        }
    }
}

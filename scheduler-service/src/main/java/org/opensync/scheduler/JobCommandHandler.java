package org.opensync.scheduler;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.opensync.common.events.JobCommand;
import org.opensync.common.inbox.EventConsumer;
import org.opensync.common.tracing.TraceContext;

/** Keeps the schedule table in step with the job lifecycle published by job-api. */
@ApplicationScoped
public class JobCommandHandler {
    private static final String CONSUMER = "scheduler.job-commands";

    private final EventConsumer consumer;
    private final SchedulerConfig config;
    private final Event<ScheduleChanged> scheduleChanged;

    @Inject
    public JobCommandHandler(EventConsumer consumer, SchedulerConfig config, Event<ScheduleChanged> scheduleChanged) {
        this.consumer = consumer;
        this.config = config;
        this.scheduleChanged = scheduleChanged;
    }

    @Incoming("job-commands")
    @Blocking
    public void onCommand(ConsumerRecord<String, String> record) {
        consumer.process(CONSUMER, record, JobCommand.class, this::apply);
    }

    private void apply(JobCommand command) {
        Instant now = Instant.now();
        if (command instanceof JobCommand.JobDeleted) {
            JobSchedule.deleteById(command.jobId());
            return;
        }
        JobSchedule schedule = JobSchedule.findById(command.jobId());
        if (schedule == null) {
            schedule = JobSchedule.disabled(command.jobId());
            schedule.persist();
        }
        if (command instanceof JobCommand.JobStarted started) {
            schedule.activate(bounded(started.interval()), now);
        } else if (command instanceof JobCommand.JobRestarted restarted) {
            schedule.restart(bounded(restarted.interval()), restarted.resetScope(), now);
        } else if (command instanceof JobCommand.JobRescheduled rescheduled) {
            schedule.reschedule(bounded(rescheduled.interval()), rescheduled.nextDueAt(), now);
        } else if (command instanceof JobCommand.JobPaused) {
            schedule.pause(now);
        } else if (command instanceof JobCommand.JobDisabled) {
            schedule.disable(now);
        }
        schedule.traceparent = TraceContext.current();
        scheduleChanged.fire(new ScheduleChanged());
    }

    private Duration bounded(Duration interval) {
        return interval == null || interval.compareTo(config.minInterval()) < 0 ? config.minInterval() : interval;
    }
}

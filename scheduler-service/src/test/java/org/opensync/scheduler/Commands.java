package org.opensync.scheduler;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.opensync.common.events.JobCommand;
import org.opensync.common.events.RestartScope;
import org.opensync.common.events.SourceChanged;
import org.opensync.common.events.Topics;
import org.opensync.testing.EventPublisher;

/** Publishes job commands on the real topic, as job-api does. */
final class Commands {
    private Commands() {
    }

    static String newJob() {
        String jobId = "scim.test." + UUID.randomUUID();
        EventPublisher.publish(Topics.JOB_COMMANDS,
                new JobCommand.JobCreated(id(), Instant.now(), jobId, UUID.randomUUID().toString(), "scim",
                        null));
        return jobId;
    }

    static void start(String jobId, Duration interval) {
        EventPublisher.publish(Topics.JOB_COMMANDS, new JobCommand.JobStarted(id(), Instant.now(), jobId, interval));
    }

    static void pause(String jobId) {
        EventPublisher.publish(Topics.JOB_COMMANDS, new JobCommand.JobPaused(id(), Instant.now(), jobId));
    }

    static void restart(String jobId, Duration interval, Set<RestartScope> scope) {
        EventPublisher.publish(Topics.JOB_COMMANDS,
                new JobCommand.JobRestarted(id(), Instant.now(), jobId, interval, scope));
    }

    static void disable(String jobId) {
        EventPublisher.publish(Topics.JOB_COMMANDS, new JobCommand.JobDisabled(id(), Instant.now(), jobId));
    }

    /** As change-detector rings a job's source doorbell. */
    static String sourceChanged(String jobId) {
        String eventId = id();
        EventPublisher.publish(Topics.SOURCE_CHANGES, new SourceChanged(eventId, Instant.now(), jobId));
        return eventId;
    }

    static void delete(String jobId) {
        EventPublisher.publish(Topics.JOB_COMMANDS, new JobCommand.JobDeleted(id(), Instant.now(), jobId));
    }

    private static String id() {
        return UUID.randomUUID().toString();
    }
}

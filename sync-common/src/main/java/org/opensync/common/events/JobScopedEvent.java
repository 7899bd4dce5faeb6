package org.opensync.common.events;

/** An event about one job, keyed by the job id so that each job's events stay in order. */
public interface JobScopedEvent extends Event {
    String jobId();

    @Override
    default String key() {
        return jobId();
    }
}

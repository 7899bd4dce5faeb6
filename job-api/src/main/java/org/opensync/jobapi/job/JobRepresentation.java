package org.opensync.jobapi.job;

import org.opensync.jobapi.graph.SynchronizationJobResponse;
import org.opensync.jobapi.graph.SynchronizationSchedule;
import org.opensync.jobapi.graph.SynchronizationStatus;

/**
 * Maps a stored job to Graph's synchronizationJob shape. A paused job keeps its quarantine record for when it runs
 * again, but the status shows a quarantine exactly while the status code says Quarantine.
 */
final class JobRepresentation {
    private JobRepresentation() {
    }

    static SynchronizationJobResponse of(SynchronizationJob job) {
        return new SynchronizationJobResponse(null, job.id, job.templateId,
                new SynchronizationSchedule(job.scheduleExpiration, job.scheduleInterval, job.scheduleState.name()),
                new SynchronizationStatus(job.statusCode.name(), job.countSuccessiveCompleteFailures,
                        job.escrowsPruned, job.lastExecution, job.lastSuccessfulExecution,
                        job.lastSuccessfulExecutionWithExports, job.progress,
                        job.statusCode == StatusCode.Quarantine ? job.quarantine : null,
                        job.steadyStateFirstAchievedTime, job.steadyStateLastAchievedTime,
                        job.synchronizedEntryCountByType, job.troubleshootingUrl),
                job.settings);
    }
}

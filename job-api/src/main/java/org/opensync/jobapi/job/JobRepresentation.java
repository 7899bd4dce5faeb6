package org.opensync.jobapi.job;

import org.opensync.jobapi.graph.SynchronizationJobResponse;
import org.opensync.jobapi.graph.SynchronizationSchedule;
import org.opensync.jobapi.graph.SynchronizationStatus;

/** Maps a stored job to Graph's synchronizationJob shape. */
final class JobRepresentation {
    private JobRepresentation() {
    }

    static SynchronizationJobResponse of(SynchronizationJob job) {
        return new SynchronizationJobResponse(null, job.id, job.templateId,
                new SynchronizationSchedule(job.scheduleExpiration, job.scheduleInterval, job.scheduleState.name()),
                new SynchronizationStatus(job.statusCode.name(), job.countSuccessiveCompleteFailures,
                        job.escrowsPruned, job.lastExecution, job.lastSuccessfulExecution,
                        job.lastSuccessfulExecutionWithExports, job.progress, job.quarantine,
                        job.steadyStateFirstAchievedTime, job.steadyStateLastAchievedTime,
                        job.synchronizedEntryCountByType, job.troubleshootingUrl),
                job.settings);
    }
}

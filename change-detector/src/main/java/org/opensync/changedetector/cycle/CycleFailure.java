package org.opensync.changedetector.cycle;

import org.opensync.common.events.JobEvent;

/** A cycle that cannot run, with the synchronizationError job-api will show. */
public class CycleFailure extends RuntimeException {
    private final JobEvent.CycleError error;

    public CycleFailure(String code, String message, boolean tenantActionable) {
        super(message);
        this.error = new JobEvent.CycleError(code, message, tenantActionable);
    }

    public JobEvent.CycleError error() {
        return error;
    }
}

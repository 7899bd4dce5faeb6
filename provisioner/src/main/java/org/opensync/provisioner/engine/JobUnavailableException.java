package org.opensync.provisioner.engine;

import org.opensync.common.events.JobEvent;

/** The job cannot provision now (no schema, no target secrets, a schema the engine refuses). */
public class JobUnavailableException extends RuntimeException {
    private final boolean tenantActionable;
    private final String code;

    public JobUnavailableException(String code, String message, boolean tenantActionable) {
        super(message);
        this.code = code;
        this.tenantActionable = tenantActionable;
    }

    public JobEvent.CycleError error() {
        return new JobEvent.CycleError(code, getMessage(), tenantActionable);
    }
}

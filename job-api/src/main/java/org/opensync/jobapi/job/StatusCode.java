package org.opensync.jobapi.job;

/** Graph's synchronizationStatusCode. */
public enum StatusCode {
    NotConfigured, NotRun, Active, Paused, Quarantine
}

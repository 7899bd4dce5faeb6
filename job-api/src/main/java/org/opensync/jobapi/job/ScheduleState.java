package org.opensync.jobapi.job;

/** Graph's synchronizationScheduleState. */
public enum ScheduleState {
    Active, Disabled, Paused
}

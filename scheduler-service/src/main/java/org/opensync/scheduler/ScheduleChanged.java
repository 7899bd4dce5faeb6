package org.opensync.scheduler;

/** Fired when a command changed a schedule, so the tick loop looks again after the commit instead of sleeping on. */
public record ScheduleChanged() {
}

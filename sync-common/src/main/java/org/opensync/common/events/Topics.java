package org.opensync.common.events;

/** Kafka topics of the platform. Every event on them is keyed by job id (object changes: job id + anchor). */
public final class Topics {
    public static final String JOB_COMMANDS = "sync.job-commands";
    public static final String TICKS = "sync.ticks";
    public static final String JOB_EVENTS = "sync.job-events";
    public static final String DEAD_LETTER = "sync.dead-letter";

    private Topics() {
    }
}

package org.opensync.jobapi.graph;

import java.time.Instant;

/** @param interval ISO-8601 duration; disabled jobs show .NET's TimeSpan.MaxValue, {@link #NEVER}. */
public record SynchronizationSchedule(Instant expiration, String interval, String state) {
    public static final String NEVER = "P10675199DT2H48M5.4775807S";
}

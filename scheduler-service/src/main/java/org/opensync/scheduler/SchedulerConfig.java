package org.opensync.scheduler;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;

@ConfigMapping(prefix = "sync.scheduler")
public interface SchedulerConfig {

    /** Longest wait between two looks at the table; bounds how late a tick due on another instance's command is. */
    Duration maxIdle();

    /** Shorter intervals are raised to this, so a misconfigured job cannot make the scheduler spin. */
    Duration minInterval();

    /** Due jobs claimed per transaction. */
    int batchSize();
}

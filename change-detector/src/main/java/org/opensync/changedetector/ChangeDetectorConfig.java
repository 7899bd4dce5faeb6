package org.opensync.changedetector;

import io.smallrye.config.ConfigMapping;

@ConfigMapping(prefix = "sync.change-detector")
public interface ChangeDetectorConfig {
    /** Source objects compared with the known-object table and published per round trip. */
    int batchSize();

    /** Cycles of different jobs read at the same time; more jobs wait for a free reader. */
    int concurrentCycles();
}

package org.opensync.changedetector;

import io.smallrye.config.ConfigMapping;

@ConfigMapping(prefix = "sync.change-detector")
public interface ChangeDetectorConfig {
    /** Source objects compared with the known-object table and published per round trip. */
    int batchSize();
}

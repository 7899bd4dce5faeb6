package org.opensync.provisioner;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;

@ConfigMapping(prefix = "sync.provisioner")
public interface ProvisionerConfig {
    /** Objects exported at the same time; each mostly waits on the target application. */
    int parallelism();

    /** Requests per second per job towards the target; 0 for no limit. */
    double requestsPerSecond();

    /** First delay before an escrowed object is retried; it doubles with every attempt. */
    Duration escrowRetry();

    /** Attempts after which an escrowed object is given up (logged, no longer retried until it changes). */
    int maxEscrowRetries();
}

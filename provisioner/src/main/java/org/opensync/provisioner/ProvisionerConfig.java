package org.opensync.provisioner;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;

@ConfigMapping(prefix = "sync.provisioner")
public interface ProvisionerConfig {
    /** Objects of one job exported at the same time; each mostly waits on the target application. */
    int parallelism();

    /** Jobs of one batch of object changes worked at the same time. */
    int concurrentJobs();

    /** Requests per second per job towards the target; 0 for no limit. */
    double requestsPerSecond();

    /** First delay before an escrowed object is retried; it doubles with every attempt. */
    Duration escrowRetry();

    /** Attempts after which an escrowed object is given up (logged, no longer retried until it changes). */
    int maxEscrowRetries();

    /**
     * How long one job may work on its share of a batch; what is not done by then is escrowed, so that a slow target
     * holds back neither the batch nor the other jobs.
     */
    Duration jobBatchBudget();

    /** How long a job's work waits for its schema and secrets to reach this service before it fails. */
    Duration configurationWait();
}

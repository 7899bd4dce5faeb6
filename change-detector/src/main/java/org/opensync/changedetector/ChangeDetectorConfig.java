package org.opensync.changedetector;

import io.smallrye.config.ConfigMapping;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

@ConfigMapping(prefix = "sync.change-detector")
public interface ChangeDetectorConfig {
    /** Source objects compared with the known-object table and published per round trip. */
    int batchSize();

    /** Cycles of different jobs read at the same time; more jobs wait for a free reader. */
    int concurrentCycles();

    /** Runs of a tick whose cycle cannot publish its end (Kafka down), before the job's next tick takes over. */
    int reportAttempts();

    /** The pause before a tick's second run; it doubles before each further one. */
    Duration reportBackoff();

    /** How long a cycle waits for the job's schema and secrets to reach this service before it fails. */
    Duration configurationWait();

    /** How often a tick whose job another instance holds asks again for the job's lease. */
    Duration leaseRetry();

    /**
     * A PEM file of CA certificates trusted for ldaps:// and StartTLS beside the JVM's trust store, e.g. a company's
     * private CA that issued the directory servers' certificates.
     */
    Optional<Path> ldapTrustedCertificates();

    /**
     * The directory CSV files are dropped in: a CSV job's {@code CsvPath} names a file inside it. Without it, CSV jobs
     * fail their cycles (no job may read an arbitrary file of the service's host).
     */
    Optional<Path> csvInbox();

    /** The largest CSV file a cycle imports, in bytes. */
    long csvMaxFileSize();

    /** The most characters in one row of a CSV file. */
    int csvMaxRowLength();

    /**
     * Whether a job's object changes are spread over every partition of {@code sync.object-changes} by anchor, so
     * that every provisioner instance works a share of one job's cycle; otherwise all go to the partition of the job
     * id, and one instance works each job.
     */
    boolean spreadJobChanges();

    /** Push mode: watches on the sources that report their changes (see {@code SourceWatches}). */
    Push push();

    interface Push {
        /** Whether directories that offer RFC 4533 refreshAndPersist are watched after each read. */
        boolean enabled();

        /** Watches open at once on this instance (one directory connection each); the jobs beyond are polled. */
        int maxWatches();

        /** How long a bell waits for the rest of a burst of changes, so that the burst runs one cycle. */
        Duration debounce();
    }
}

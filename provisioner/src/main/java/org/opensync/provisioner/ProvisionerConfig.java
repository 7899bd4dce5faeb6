package org.opensync.provisioner;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

@ConfigMapping(prefix = "sync.provisioner")
public interface ProvisionerConfig {
    /**
     * Objects of one job exported at the same time; each mostly waits on the target application. More than
     * {@link #requestsInFlight()}: creates waiting together go out in one {@code POST /Bulk}, so more objects under
     * way make bulks bigger without more requests.
     */
    int parallelism();

    /**
     * Requests of one job under way towards its target at once, whatever the number of objects under way: the SCIM
     * requests of the job, or the connections of its target directory (a write beyond them waits for one).
     */
    int requestsInFlight();

    /** Jobs of one batch of object changes worked at the same time. */
    int concurrentJobs();

    /** Requests per second per job towards the target; 0 for no limit. */
    double requestsPerSecond();

    /**
     * Whether the new objects of a batch are matched by one query per matching attribute for many values (an
     * {@code or} filter) rather than one query each. Off only for a target that answers such filters wrongly; one
     * that refuses them is matched one by one anyway.
     */
    @WithDefault("true")
    boolean batchedMatching();

    /**
     * Whether creates that a job's workers ask for at the same time go to a SCIM target together, in one
     * {@code POST /Bulk} request, where the target's ServiceProviderConfig says it supports them; each object's
     * answer is still its own. Off only for a target whose {@code /Bulk} misbehaves.
     */
    @WithDefault("true")
    boolean scimBulk();

    /** Delay before an escrowed object is first retried: shorter than a cycle interval, so the next cycle does. */
    Duration escrowRetry();

    /** Waits before the later retries of an escrowed object; the last one repeats. */
    @WithDefault("PT6H,PT12H,PT24H")
    List<Duration> escrowBackOff();

    /** How long after its first failure an escrowed object is still retried; then it is given up (and logged). */
    @WithDefault("P28D")
    Duration escrowGiveUpAfter();

    /**
     * How long one job may work on its share of a batch; what is not done by then is escrowed, so that a slow target
     * holds back neither the batch nor the other jobs.
     */
    Duration jobBatchBudget();

    /** How long a job's work waits for its schema and secrets to reach this service before it fails. */
    Duration configurationWait();

    /**
     * A PEM file of CA certificates trusted for ldaps:// and StartTLS beside the JVM's trust store, to write target
     * directories and to read source objects provisioned on demand (as change-detector's
     * {@code sync.change-detector.ldap-trusted-certificates}).
     */
    Optional<Path> ldapTrustedCertificates();

    OnDemand onDemand();

    /** Provisioning single objects at a caller's request (Graph provisionOnDemand). */
    interface OnDemand {
        /**
         * How long a request waits for the job while a cycle works it (on this or another instance); then it is
         * refused with 409, so that on-demand work never races the cycle over the same objects.
         */
        @WithDefault("PT10S")
        Duration jobWait();

        /** How long a job's source directory connection stays open after its last on-demand request. */
        @WithDefault("PT2M")
        Duration sourceIdleClose();

        /** Jobs whose source directory connection is kept open at most; the least recently used one goes. */
        @WithDefault("32")
        int sourcesKept();
    }
}

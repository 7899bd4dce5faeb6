package org.opensync.provisioner.cycle;

/**
 * The part of a job's object changes in one partition of {@code sync.object-changes}. A job whose changes are spread
 * by anchor has a slice in each partition, and each is worked by the instance Kafka gives that partition, under a
 * lease of its own; a job whose changes all go to its own partition has one slice.
 */
public record JobSlice(String jobId, int partition) {
    /** The name of the slice's lease ({@code job_lease.job_id}). */
    public String lease() {
        return jobId + "#" + partition;
    }
}

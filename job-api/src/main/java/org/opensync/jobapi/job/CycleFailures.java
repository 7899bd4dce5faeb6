package org.opensync.jobapi.job;

import java.util.Map;

/**
 * What failed and what succeeded in one cycle, as the proportional quarantine rules count it: reference failures
 * (a manager or a group member that could not be set) count only towards the absolute ceiling.
 *
 * @param failed          objects that failed, reference failures included
 * @param referenceFailed the reference failures among them
 * @param succeeded       objects exported
 */
public record CycleFailures(long failed, long referenceFailed, long succeeded) {

    /** The cycle's counts as the provisioner reports them; older reports count only escrows. */
    static CycleFailures of(Map<String, Long> counts) {
        long failed = counts.getOrDefault("countFailures", counts.getOrDefault("countEscrowed", 0L));
        long references = Math.min(failed, counts.getOrDefault("countReferenceFailures", 0L));
        return new CycleFailures(failed, references, counts.getOrDefault("countExported", 0L));
    }

    long nonReferenceFailed() {
        return failed - referenceFailed;
    }
}

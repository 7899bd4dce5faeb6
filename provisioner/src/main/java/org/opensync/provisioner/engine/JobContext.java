package org.opensync.provisioner.engine;

import java.util.Map;
import java.util.Optional;
import org.opensync.connectors.scim.ScimClient;

/**
 * Everything needed to provision one job's objects, built from its schema and secrets and kept until either
 * changes.
 *
 * @param plans                   by source object type, in the order of the object mappings
 * @param skipOutOfScopeDeletions the {@code SkipOutOfScopeDeletions} secret: leaving scope changes nothing
 * @param deleteThreshold         disables and deletes per cycle that stop the cycle's deprovisioning (§1.13);
 *                                0 when the threshold is turned off
 */
public record JobContext(String jobId, String servicePrincipalId, String fingerprint, Map<String, ObjectPlan> plans,
                         ScimClient scim, String targetSystem, boolean skipOutOfScopeDeletions, int deleteThreshold) {

    public Optional<ObjectPlan> plan(String sourceType) {
        return Optional.ofNullable(plans.get(sourceType));
    }
}

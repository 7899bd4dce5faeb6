package org.opensync.provisioner.engine;

import java.util.Map;
import java.util.Optional;
import org.opensync.connectors.ldap.LdapSettings;
import org.opensync.connectors.target.ProvisioningTarget;
import org.opensync.mapping.model.SynchronizationSchema;

/**
 * Everything needed to provision one job's objects, built from its schema and secrets and kept until either
 * changes.
 *
 * @param plans                   by source object type, in the order of the object mappings
 * @param target                  the SCIM application or directory written to
 * @param skipOutOfScopeDeletions the {@code SkipOutOfScopeDeletions} secret: leaving scope changes nothing
 * @param deleteThreshold         disables and deletes per cycle that stop the cycle's deprovisioning, from the
 *                                SyncNotificationSettings secret or the QuarantineTooManyDeletesThreshold job
 *                                setting; 0 when the threshold is turned off
 * @param schema                  the job's synchronization schema (rules, directories)
 * @param source                  how to read the source directory, for work on single objects (on demand)
 */
public record JobContext(String jobId, String servicePrincipalId, String fingerprint, Map<String, ObjectPlan> plans,
                         ProvisioningTarget target, boolean skipOutOfScopeDeletions, int deleteThreshold,
                         SynchronizationSchema schema, SourceAccess source) {

    /** The source directory's connection settings, or why the secrets do not give usable ones. */
    public record SourceAccess(LdapSettings settings, String problem) {
        public Optional<LdapSettings> usable() {
            return Optional.ofNullable(settings);
        }
    }

    /** The target's host, as provisioning logs name it. */
    public String targetSystem() {
        return target.system();
    }

    /** The source directory's name in the schema ({@code LDAP}, {@code Active Directory}, {@code API}, {@code CSV}). */
    public String sourceSystem() {
        return schema == null || schema.synchronizationRules().isEmpty() ? "LDAP"
                : schema.synchronizationRules().get(0).sourceDirectoryName();
    }

    public Optional<ObjectPlan> plan(String sourceType) {
        return Optional.ofNullable(plans.get(sourceType));
    }
}

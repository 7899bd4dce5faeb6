package org.opensync.jobapi.synchronization;

import java.util.Set;
import java.util.UUID;

/** Fired inside the transaction that replaced a service principal's secrets; job statuses depend on them. */
public record SecretsReplaced(UUID servicePrincipalId, Set<String> configuredKeys) {
}

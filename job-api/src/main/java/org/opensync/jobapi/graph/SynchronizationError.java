package org.opensync.jobapi.graph;

public record SynchronizationError(String code, String message, boolean tenantActionable) {
}

package org.opensync.common.security;

import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Microsoft Graph permission names used as roles, and which permissions imply which: a token granted
 * {@code Synchronization.ReadWrite.All} may do anything {@code Synchronization.Read.All} allows, and
 * {@code Directory.ReadWrite.All} covers the synchronization and application permissions on these routes.
 */
public final class GraphPermissions {
    public static final String SYNCHRONIZATION_READ = "Synchronization.Read.All";
    public static final String SYNCHRONIZATION_READ_WRITE = "Synchronization.ReadWrite.All";
    public static final String APPLICATION_READ = "Application.Read.All";
    public static final String APPLICATION_READ_WRITE = "Application.ReadWrite.All";
    /** Everything on the service principals the calling application owns, nothing on others ({@link Caller}). */
    public static final String APPLICATION_READ_WRITE_OWNED_BY = "Application.ReadWrite.OwnedBy";
    public static final String DIRECTORY_READ = "Directory.Read.All";
    public static final String DIRECTORY_READ_WRITE = "Directory.ReadWrite.All";
    public static final String AUDIT_LOG_READ = "AuditLog.Read.All";
    public static final String BULK_UPLOAD = "SynchronizationData-User.Upload";
    /** {@link #BULK_UPLOAD} on the service principals the calling application owns only. */
    public static final String BULK_UPLOAD_OWNED_BY = "SynchronizationData-User.Upload.OwnedBy";

    private static final Map<String, Set<String>> IMPLIES = Map.of(
            SYNCHRONIZATION_READ_WRITE, Set.of(SYNCHRONIZATION_READ),
            APPLICATION_READ_WRITE, Set.of(APPLICATION_READ),
            DIRECTORY_READ, Set.of(APPLICATION_READ, SYNCHRONIZATION_READ),
            DIRECTORY_READ_WRITE, Set.of(DIRECTORY_READ, APPLICATION_READ_WRITE, SYNCHRONIZATION_READ_WRITE));

    private GraphPermissions() {
    }

    /** The granted permissions plus everything they imply, transitively. */
    public static Set<String> withImplied(Collection<String> granted) {
        Set<String> all = new HashSet<>();
        granted.forEach(permission -> addWithImplied(permission, all));
        return all;
    }

    private static void addWithImplied(String permission, Set<String> all) {
        if (all.add(permission)) {
            IMPLIES.getOrDefault(permission, Set.of()).forEach(implied -> addWithImplied(implied, all));
        }
    }
}

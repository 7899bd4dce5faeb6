package org.opensync.testing.fuzz;

import java.util.LinkedHashMap;
import java.util.Map;
import org.opensync.common.security.GraphPermissions;
import org.opensync.testing.TestTokens;

/** The callers a fuzz run mixes: several permission sets, and tokens that must be refused. */
public final class FuzzTokens {
    private FuzzTokens() {
    }

    /** {@code primary} first (it goes with half of the requests), then the others; "none" sends no token. */
    public static Map<String, String> with(String primaryName, String primary) {
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put(primaryName, primary);
        tokens.put("reader", TestTokens.application(GraphPermissions.APPLICATION_READ,
                GraphPermissions.SYNCHRONIZATION_READ));
        tokens.put("auditor", TestTokens.application(GraphPermissions.AUDIT_LOG_READ));
        tokens.put("owned-by", TestTokens.applicationOf("fuzz-app", GraphPermissions.APPLICATION_READ_WRITE_OWNED_BY));
        tokens.put("delegated", TestTokens.delegated(GraphPermissions.DIRECTORY_READ_WRITE,
                GraphPermissions.AUDIT_LOG_READ));
        tokens.put("expired", TestTokens.expired(GraphPermissions.SYNCHRONIZATION_READ_WRITE));
        tokens.put("forged", TestTokens.forged(GraphPermissions.SYNCHRONIZATION_READ_WRITE));
        tokens.put("other-tenant", TestTokens.applicationIn("0b5e6c1d-7f3a-4e2b-9c8d-1a2b3c4d5e6f",
                GraphPermissions.DIRECTORY_READ_WRITE, GraphPermissions.AUDIT_LOG_READ));
        tokens.put("other-audience", TestTokens.applicationForAudience("https://graph.microsoft.com",
                GraphPermissions.DIRECTORY_READ_WRITE));
        tokens.put("groups-only", TestTokens.groupsOnly(GraphPermissions.DIRECTORY_READ_WRITE));
        tokens.put("garbage", "not-a-jwt");
        tokens.put("none", null);
        return tokens;
    }
}

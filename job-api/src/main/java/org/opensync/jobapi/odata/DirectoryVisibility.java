package org.opensync.jobapi.odata;

import java.util.HashMap;
import java.util.Map;
import org.opensync.common.security.Caller;
import org.opensync.common.security.GraphPermissions;

/**
 * Which directory objects (service principals, applications) a listing shows the caller: those of its tenant, and
 * only its own when it is limited to what it owns. The entity must have {@code tenantId} and {@code ownerAppId}.
 */
public final class DirectoryVisibility {
    private DirectoryVisibility() {
    }

    public static ODataFilter.Condition visibleTo(Caller caller, ODataFilter.Condition condition) {
        Map<String, Object> parameters = new HashMap<>(condition.parameters());
        parameters.put("tenant", caller.tenant());
        String jpql = "(" + condition.jpql() + ") and tenantId = :tenant";
        if (caller.limitedToOwned(GraphPermissions.APPLICATION_READ)) {
            parameters.put("owner", caller.application().orElse(""));
            jpql += " and ownerAppId = :owner";
        }
        return new ODataFilter.Condition(jpql, parameters);
    }
}

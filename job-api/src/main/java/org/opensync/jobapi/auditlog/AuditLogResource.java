package org.opensync.jobapi.auditlog;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.opensync.common.logs.ProvisioningObjectSummary;
import org.opensync.common.security.Caller;
import org.opensync.common.security.GraphPermissions;
import org.opensync.common.web.ErrorCode;
import org.opensync.common.web.GraphException;
import org.opensync.common.web.ODataCollection;
import org.opensync.common.web.ODataContext;
import org.opensync.jobapi.odata.Paging;
import org.opensync.jobapi.odata.ResultPage;

/** {@code /auditLogs/provisioning} and its old beta name {@code /auditLogs/directoryProvisioning}. */
@Path("/{version: beta|v1\\.0}/auditLogs/{collection: provisioning|directoryProvisioning}")
@Produces(MediaType.APPLICATION_JSON)
public class AuditLogResource {
    private static final Pattern ORDER_BY = Pattern.compile("(?i)^\\s*activityDateTime(?:\\s+(asc|desc))?\\s*$");

    private final ProvisioningLogStore logs;
    private final Caller caller;

    @Inject
    public AuditLogResource(ProvisioningLogStore logs, Caller caller) {
        this.logs = logs;
        this.caller = caller;
    }

    @GET
    @RolesAllowed(GraphPermissions.AUDIT_LOG_READ)
    public ODataCollection<ProvisioningObjectSummary> list(@PathParam("version") String version,
                                                           @QueryParam("$filter") String filter,
                                                           @QueryParam("$orderby") String orderBy,
                                                           @QueryParam("$top") String top,
                                                           @QueryParam("$skiptoken") String skipToken,
                                                           @Context UriInfo uri) {
        Paging paging = Paging.of(top, skipToken, 50, 1000);
        ResultPage<ProvisioningObjectSummary> page = logs.list(caller.tenant(), filter, newestFirst(orderBy), paging);
        return new ODataCollection<>(ODataContext.metadata(uri, version, "auditLogs/provisioning"), null,
                page.items(), page.more() ? paging.nextLink(uri) : null);
    }

    /** {@code $orderby}: {@code activityDateTime} with an optional direction; newest first when absent. */
    static boolean newestFirst(String orderBy) {
        if (orderBy == null || orderBy.isBlank()) {
            return true;
        }
        Matcher order = ORDER_BY.matcher(orderBy);
        if (!order.matches()) {
            throw new GraphException(400, ErrorCode.UNSUPPORTED_QUERY,
                    "$orderby supports 'activityDateTime' with an optional 'asc' or 'desc'.", "$orderby");
        }
        return order.group(1) != null && order.group(1).equalsIgnoreCase("desc");
    }

    @GET
    @Path("{id}")
    @RolesAllowed(GraphPermissions.AUDIT_LOG_READ)
    public ProvisioningObjectSummary get(@PathParam("id") String id) {
        return logs.find(caller.tenant(), id).orElseThrow(() -> GraphException.notFound("The provisioning log record '" + id
                + "' does not exist."));
    }
}

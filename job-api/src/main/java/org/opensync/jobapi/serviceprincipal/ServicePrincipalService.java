package org.opensync.jobapi.serviceprincipal;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.opensync.common.security.Caller;
import org.opensync.common.security.GraphPermissions;
import org.opensync.common.web.ErrorCode;
import org.opensync.common.web.GraphException;
import org.opensync.jobapi.application.ApplicationTwins;
import org.opensync.jobapi.odata.DirectoryVisibility;
import org.opensync.jobapi.odata.ODataFilter;
import org.opensync.jobapi.odata.Paging;
import org.opensync.jobapi.odata.ResultPage;
import org.opensync.jobapi.synchronization.SynchronizationService;

@ApplicationScoped
public class ServicePrincipalService {
    /** Directory semantics: text compares case-insensitively. */
    private static final ODataFilter FILTER = new ODataFilter(Map.of(
            "id", new ODataFilter.Property("id", ODataFilter.Kind.GUID),
            "appId", new ODataFilter.Property("appId", ODataFilter.Kind.GUID),
            "displayName", new ODataFilter.Property("displayName", ODataFilter.Kind.TEXT),
            "appDisplayName", new ODataFilter.Property("appDisplayName", ODataFilter.Kind.TEXT),
            "servicePrincipalType", new ODataFilter.Property("servicePrincipalType", ODataFilter.Kind.TEXT),
            "applicationTemplateId", new ODataFilter.Property("applicationTemplateId", ODataFilter.Kind.TEXT),
            "accountEnabled", new ODataFilter.Property("accountEnabled", ODataFilter.Kind.BOOLEAN)),
            true, ErrorCode.UNSUPPORTED_QUERY);

    private final SynchronizationService synchronization;
    private final Caller caller;

    @Inject
    public ServicePrincipalService(SynchronizationService synchronization, Caller caller) {
        this.synchronization = synchronization;
        this.caller = caller;
    }

    @Transactional
    public ServicePrincipal create(JsonNode body) {
        ServicePrincipal sp = ServicePrincipalProperties.create(body);
        sp.tenantId = caller.tenant();
        if (ServicePrincipal.count("tenantId = ?1 and appId = ?2", sp.tenantId, sp.appId) > 0) {
            throw new GraphException(409, ErrorCode.CONFLICT, "A servicePrincipal for appId '" + sp.appId
                    + "' already exists in this tenant.", "appId");
        }
        return persistNew(sp);
    }

    /**
     * The service principal of an application just instantiated from an application template, in the caller's
     * transaction: it is created together with the application or not at all.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public ServicePrincipal createForApplication(UUID appId, String displayName, String applicationTemplateId,
                                                 List<String> tags) {
        ServicePrincipal sp = new ServicePrincipal();
        sp.appId = appId;
        sp.displayName = displayName;
        sp.appDisplayName = displayName;
        sp.applicationTemplateId = applicationTemplateId;
        sp.appRoleAssignmentRequired = true;
        sp.tags = new ArrayList<>(tags);
        sp.tenantId = caller.tenant();
        return persistNew(sp);
    }

    private ServicePrincipal persistNew(ServicePrincipal sp) {
        sp.id = UUID.randomUUID();
        sp.createdAt = Instant.now();
        sp.ownerAppId = caller.application().orElse(null);
        sp.persist();
        return sp;
    }

    /**
     * The service principal, when it exists (404) and the caller may act on it with {@code permission}, or as its
     * owner (403).
     */
    public ServicePrincipal require(String key, String permission) {
        return require(key, permission, GraphPermissions.APPLICATION_READ_WRITE_OWNED_BY);
    }

    /** As {@link #require(String, String)}, with the permission that lets an owning application act on it. */
    public ServicePrincipal require(String key, String permission, String ownedByPermission) {
        ServicePrincipal sp = ServicePrincipal.findByKey(caller.tenant(), key).orElseThrow(() -> new GraphException(404,
                ErrorCode.NOT_FOUND, "Resource '" + (key.startsWith(ApplicationTwins.APPLICATION_KEY)
                ? key.substring(ApplicationTwins.APPLICATION_KEY.length()) : key) + "' does not exist or one of its "
                + "queried reference-property objects are not present.", null));
        caller.requireOn(sp.ownerAppId, permission, ownedByPermission);
        return sp;
    }

    /** The caller's tenant only; a caller limited to what it owns lists only its own service principals. */
    public ResultPage<ServicePrincipal> list(String filter, String orderBy, Paging paging, boolean count) {
        ODataFilter.Condition condition = visible(FILTER.parse(filter));
        return ResultPage.read(ServicePrincipal.find(condition.jpql(), sort(orderBy), condition.parameters()), paging,
                count);
    }

    public long count() {
        ODataFilter.Condition condition = visible(ODataFilter.Condition.ALL);
        return ServicePrincipal.count(condition.jpql(), condition.parameters());
    }

    @Transactional
    public void patch(String key, JsonNode body) {
        ServicePrincipal sp = require(key, GraphPermissions.APPLICATION_READ_WRITE);
        ServicePrincipalProperties.patch(body, sp);
        sp.appDisplayName = sp.displayName;
    }

    /**
     * Deletes the service principal with its jobs and secrets; provisioned accounts stay as they are. Its application,
     * if it has one, stays: Entra deletes the service principal along with the application, not the other way round.
     */
    @Transactional
    public void delete(String key) {
        remove(require(key, GraphPermissions.APPLICATION_READ_WRITE));
    }

    /**
     * Deletes the service principal of an application being deleted in the caller's transaction, as {@link #delete}
     * does, when there is one; the caller may act on it as on its application.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void deleteOfApplication(UUID appId) {
        ServicePrincipal.findByKey(caller.tenant(), "appId=" + appId).ifPresent(sp -> {
            caller.requireOn(sp.ownerAppId, GraphPermissions.APPLICATION_READ_WRITE);
            remove(sp);
        });
    }

    private void remove(ServicePrincipal sp) {
        synchronization.delete(sp.id);
        sp.delete();
    }

    private ODataFilter.Condition visible(ODataFilter.Condition condition) {
        return DirectoryVisibility.visibleTo(caller, condition);
    }

    private static Sort sort(String orderBy) {
        if (orderBy == null || orderBy.isBlank()) {
            return Sort.by("displayName").and("id");
        }
        String[] parts = orderBy.trim().split("\\s+");
        if (!parts[0].equalsIgnoreCase("displayName") || parts.length > 2
                || (parts.length == 2 && !parts[1].matches("(?i)asc|desc"))) {
            throw new GraphException(400, ErrorCode.UNSUPPORTED_QUERY,
                    "$orderby supports 'displayName' with an optional 'asc' or 'desc'.", "$orderby");
        }
        Sort.Direction direction = parts.length == 2 && parts[1].equalsIgnoreCase("desc")
                ? Sort.Direction.Descending : Sort.Direction.Ascending;
        return Sort.by("displayName", direction).and("id", direction);
    }
}

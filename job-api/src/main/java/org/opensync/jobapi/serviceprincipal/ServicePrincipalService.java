package org.opensync.jobapi.serviceprincipal;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.opensync.common.web.ErrorCode;
import org.opensync.common.web.GraphException;
import org.opensync.jobapi.odata.ODataFilter;
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

    @Inject
    public ServicePrincipalService(SynchronizationService synchronization) {
        this.synchronization = synchronization;
    }

    /** One page of a listing; {@code more} tells whether a next page exists. */
    public record Page(List<ServicePrincipal> items, boolean more, Long total) {
    }

    @Transactional
    public ServicePrincipal create(JsonNode body) {
        ServicePrincipal sp = ServicePrincipalProperties.create(body);
        if (ServicePrincipal.count("appId", sp.appId) > 0) {
            throw new GraphException(409, ErrorCode.CONFLICT, "A servicePrincipal for appId '" + sp.appId
                    + "' already exists in this tenant.", "appId");
        }
        sp.id = UUID.randomUUID();
        sp.createdAt = Instant.now();
        sp.persist();
        return sp;
    }

    public ServicePrincipal require(String key) {
        return ServicePrincipal.findByKey(key).orElseThrow(() -> new GraphException(404, ErrorCode.NOT_FOUND,
                "Resource '" + key + "' does not exist or one of its queried reference-property objects are not "
                        + "present.", null));
    }

    public Page list(String filter, String orderBy, int skip, int top, boolean count) {
        ODataFilter.Condition condition = FILTER.parse(filter);
        List<ServicePrincipal> rows = ServicePrincipal.find(condition.jpql(), sort(orderBy), condition.parameters())
                .range(skip, skip + top).list();
        boolean more = rows.size() > top;
        Long total = count ? ServicePrincipal.count(condition.jpql(), condition.parameters()) : null;
        return new Page(more ? rows.subList(0, top) : rows, more, total);
    }

    public long count() {
        return ServicePrincipal.count();
    }

    @Transactional
    public void patch(String key, JsonNode body) {
        ServicePrincipal sp = require(key);
        ServicePrincipalProperties.patch(body, sp);
        sp.appDisplayName = sp.displayName;
    }

    /** Deletes the service principal with its jobs and secrets; provisioned accounts stay as they are. */
    @Transactional
    public void delete(String key) {
        ServicePrincipal sp = require(key);
        synchronization.delete(sp.id);
        sp.delete();
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

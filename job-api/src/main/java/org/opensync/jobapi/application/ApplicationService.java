package org.opensync.jobapi.application;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.opensync.common.security.Caller;
import org.opensync.common.security.GraphPermissions;
import org.opensync.common.web.ErrorCode;
import org.opensync.common.web.GraphException;
import org.opensync.jobapi.odata.DirectoryVisibility;
import org.opensync.jobapi.odata.ODataFilter;
import org.opensync.jobapi.odata.Paging;
import org.opensync.jobapi.odata.ResultPage;
import org.opensync.jobapi.serviceprincipal.ServicePrincipal;
import org.opensync.jobapi.serviceprincipal.ServicePrincipalService;

/**
 * Applications of the caller's tenant: created with their service principal by instantiating an application
 * template, read, renamed, and deleted together with their service principal and its jobs.
 */
@ApplicationScoped
public class ApplicationService {
    private static final int MAX_DISPLAY_NAME = 256;
    /** Directory semantics: text compares case-insensitively. */
    private static final ODataFilter FILTER = new ODataFilter(Map.of(
            "id", new ODataFilter.Property("id", ODataFilter.Kind.GUID),
            "appId", new ODataFilter.Property("appId", ODataFilter.Kind.GUID),
            "displayName", new ODataFilter.Property("displayName", ODataFilter.Kind.TEXT),
            "applicationTemplateId", new ODataFilter.Property("applicationTemplateId", ODataFilter.Kind.TEXT)),
            true, ErrorCode.UNSUPPORTED_QUERY);
    /** What a PATCH may change; the other properties of the response are the server's or not stored. */
    private static final Set<String> WRITABLE = Set.of("displayName");

    private final ServicePrincipalService servicePrincipals;
    private final Caller caller;

    @Inject
    public ApplicationService(ServicePrincipalService servicePrincipals, Caller caller) {
        this.servicePrincipals = servicePrincipals;
        this.caller = caller;
    }

    public record Instance(Application application, ServicePrincipal servicePrincipal) {
    }

    /**
     * Creates an application from {@code template} and its service principal, both or neither. The application and
     * its service principal get a new appId, the template's id and the display name asked for; the service principal
     * also gets the template's tags.
     */
    @Transactional
    public Instance instantiate(ApplicationTemplate template, JsonNode body) {
        String displayName = displayName(body);
        Application application = new Application();
        application.id = UUID.randomUUID();
        application.tenantId = caller.tenant();
        application.appId = UUID.randomUUID();
        application.displayName = displayName;
        application.applicationTemplateId = template.id();
        application.ownerAppId = caller.application().orElse(null);
        application.createdAt = Instant.now();
        application.persist();
        ServicePrincipal sp = servicePrincipals.createForApplication(application.appId, displayName, template.id(),
                template.tags());
        return new Instance(application, sp);
    }

    /**
     * The application, when it exists in the caller's tenant (404) and the caller may act on it with
     * {@code permission}, or as its owner (403).
     */
    public Application require(String key, String permission) {
        Application application = Application.findByKey(caller.tenant(), key).orElseThrow(() -> GraphException.notFound(
                "Resource '" + key + "' does not exist or one of its queried reference-property objects are not "
                        + "present."));
        caller.requireOn(application.ownerAppId, permission);
        return application;
    }

    /** The caller's tenant only; a caller limited to what it owns lists only its own applications. */
    public ResultPage<Application> list(String filter, Paging paging, boolean count) {
        ODataFilter.Condition condition = visible(FILTER.parse(filter));
        return ResultPage.read(Application.find(condition.jpql(), Sort.by("displayName").and("id"),
                condition.parameters()), paging, count);
    }

    public long count() {
        ODataFilter.Condition condition = visible(ODataFilter.Condition.ALL);
        return Application.count(condition.jpql(), condition.parameters());
    }

    /**
     * Renames the application and, as Entra shows it, the appDisplayName of its service principal. Read-only
     * properties may be sent unchanged; properties this service does not store are refused by name rather than
     * dropped.
     */
    @Transactional
    public void patch(String key, JsonNode body) {
        Application application = require(key, GraphPermissions.APPLICATION_READ_WRITE);
        if (body == null || !body.isObject()) {
            throw GraphException.badRequest("A request body with an application object is required.");
        }
        ApplicationResponse current = ApplicationResponse.of(application);
        Map<String, Object> readOnly = new HashMap<>();
        readOnly.put("id", current.id());
        readOnly.put("appId", current.appId());
        readOnly.put("applicationTemplateId", current.applicationTemplateId());
        readOnly.put("deletedDateTime", null);
        readOnly.put("createdDateTime", current.createdDateTime());
        body.properties().forEach(property -> {
            String name = property.getKey();
            if (readOnly.containsKey(name)) {
                JsonNode value = property.getValue();
                Object was = readOnly.get(name);
                if (!(value.isNull() ? was == null : Objects.equals(value.asText(), String.valueOf(was)))) {
                    throw GraphException.badRequest("Property '" + name + "' is read-only and cannot be changed.",
                            name);
                }
            } else if (!WRITABLE.contains(name) && !name.startsWith("@odata.")) {
                throw GraphException.badRequest("Property '" + name + "' of an application cannot be changed here; "
                        + "only displayName can.", name);
            }
        });
        if (body.has("displayName")) {
            application.displayName = displayName(body);
            ServicePrincipal.findByKey(application.tenantId, "appId=" + application.appId)
                    .ifPresent(sp -> sp.appDisplayName = application.displayName);
        }
    }

    /**
     * Deletes the application and its service principal, whose jobs are stopped and deleted with it as when the
     * service principal itself is deleted; all or nothing.
     */
    @Transactional
    public void delete(String key) {
        Application application = require(key, GraphPermissions.APPLICATION_READ_WRITE);
        servicePrincipals.deleteOfApplication(application.appId);
        application.delete();
    }

    private ODataFilter.Condition visible(ODataFilter.Condition condition) {
        return DirectoryVisibility.visibleTo(caller, condition);
    }

    private static String displayName(JsonNode body) {
        if (body != null && !body.isMissingNode() && !body.isNull() && !body.isObject()) {
            throw GraphException.badRequest("The request body must be a JSON object.");
        }
        JsonNode value = body == null ? null : body.get("displayName");
        if (value == null || value.isNull()) {
            throw GraphException.badRequest("Property 'displayName' is required.", "displayName");
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            throw GraphException.badRequest("Property 'displayName' must be a non-empty string.", "displayName");
        }
        if (value.asText().length() > MAX_DISPLAY_NAME) {
            throw GraphException.badRequest("Property 'displayName' is longer than " + MAX_DISPLAY_NAME
                    + " characters.", "displayName");
        }
        return value.asText();
    }
}

package org.opensync.jobapi.application;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.UUID;
import org.opensync.common.security.Caller;
import org.opensync.common.web.GraphException;
import org.opensync.jobapi.serviceprincipal.ServicePrincipal;
import org.opensync.jobapi.serviceprincipal.ServicePrincipalService;

@ApplicationScoped
public class ApplicationService {
    private static final int MAX_DISPLAY_NAME = 256;

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

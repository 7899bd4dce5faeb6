package org.opensync.jobapi.credentials;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.opensync.common.security.GraphPermissions;
import org.opensync.common.web.GraphException;
import org.opensync.jobapi.job.JobService;
import org.opensync.jobapi.serviceprincipal.ServicePrincipalService;
import org.opensync.jobapi.template.TemplateCatalog;

/**
 * {@code POST .../jobs/{jobId}/validateCredentials} and its collection-bound form {@code POST
 * .../jobs/validateCredentials}, which tests credentials before a job exists and so needs {@code templateId}.
 * Answers 204 when every system the credentials name accepted them. Allowed to whoever may save secrets.
 */
@Path("/{version: beta|v1\\.0}/servicePrincipals/{spId}/synchronization/jobs")
@Produces(MediaType.APPLICATION_JSON)
public class CredentialsResource {
    private final ServicePrincipalService servicePrincipals;
    private final JobService jobs;
    private final TemplateCatalog templates;
    private final CredentialValidation validation;

    @Inject
    public CredentialsResource(ServicePrincipalService servicePrincipals, JobService jobs, TemplateCatalog templates,
                               CredentialValidation validation) {
        this.servicePrincipals = servicePrincipals;
        this.jobs = jobs;
        this.templates = templates;
        this.validation = validation;
    }

    @POST
    @Path("{jobId}/validateCredentials")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({GraphPermissions.SYNCHRONIZATION_READ_WRITE, GraphPermissions.APPLICATION_READ_WRITE_OWNED_BY})
    public void validateForJob(@PathParam("spId") String spId, @PathParam("jobId") String jobId, JsonNode body) {
        UUID servicePrincipalId = servicePrincipals.require(spId, GraphPermissions.SYNCHRONIZATION_READ_WRITE).id;
        jobs.require(servicePrincipalId, jobId);
        validation.validate(validation.credentials(servicePrincipalId, object(body)));
    }

    @POST
    @Path("validateCredentials")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({GraphPermissions.SYNCHRONIZATION_READ_WRITE, GraphPermissions.APPLICATION_READ_WRITE_OWNED_BY})
    public void validate(@PathParam("spId") String spId, JsonNode body) {
        UUID servicePrincipalId = servicePrincipals.require(spId, GraphPermissions.SYNCHRONIZATION_READ_WRITE).id;
        JsonNode request = object(body);
        JsonNode templateId = request.get("templateId");
        if (templateId == null || !templateId.isTextual() || templateId.asText().isBlank()) {
            throw GraphException.badRequest("Without a job, 'templateId' names the template whose systems are "
                    + "tested.", "templateId");
        }
        templates.find(servicePrincipalId, templateId.asText()).orElseThrow(() -> GraphException.badRequest("The templateId '"
                + templateId.asText() + "' is not available for this service principal; available: "
                + templates.ids(servicePrincipalId) + ".", "templateId"));
        validation.validate(validation.credentials(servicePrincipalId, request));
    }

    private static JsonNode object(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw GraphException.badRequest("The body must be an object with useSavedCredentials, credentials and, "
                    + "without a job, templateId.");
        }
        return body;
    }
}

package org.opensync.jobapi.credentials;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.opensync.common.security.GraphPermissions;
import org.opensync.common.web.ODataContext;
import org.opensync.jobapi.job.JobService;
import org.opensync.jobapi.serviceprincipal.ServicePrincipalService;

/**
 * {@code POST .../jobs/{jobId}/schema/directories/{directoryId}/discover}: 200 with the refreshed
 * directoryDefinition. More specific than the schema routes job-api relays to schema-service, because it connects
 * to the tenant's system first.
 */
@Path("/{version: beta|v1\\.0}/servicePrincipals/{spId}/synchronization/jobs/{jobId}/schema/directories/{directoryId}"
        + "/discover")
@Produces(MediaType.APPLICATION_JSON)
public class DiscoverResource {
    private final ServicePrincipalService servicePrincipals;
    private final JobService jobs;
    private final DirectoryDiscovery discovery;

    @Inject
    public DiscoverResource(ServicePrincipalService servicePrincipals, JobService jobs, DirectoryDiscovery discovery) {
        this.servicePrincipals = servicePrincipals;
        this.jobs = jobs;
        this.discovery = discovery;
    }

    @POST
    @RolesAllowed({GraphPermissions.SYNCHRONIZATION_READ_WRITE, GraphPermissions.APPLICATION_READ_WRITE_OWNED_BY})
    public Response discover(@PathParam("version") String version, @PathParam("spId") String spId,
                             @PathParam("jobId") String jobId, @PathParam("directoryId") String directoryId,
                             @Context UriInfo uri, @Context HttpHeaders headers) {
        UUID servicePrincipalId = servicePrincipals.require(spId, GraphPermissions.SYNCHRONIZATION_READ_WRITE).id;
        jobs.require(servicePrincipalId, jobId);
        String schemaPath = "/" + version + "/servicePrincipals/" + servicePrincipalId + "/synchronization/jobs/"
                + jobId + "/schema";
        DirectoryDiscovery.Outcome outcome = discovery.discover(servicePrincipalId, schemaPath, directoryId,
                uri.getBaseUri(), headers);
        if (outcome.refusal() != null) {
            Response.ResponseBuilder relayed = Response.status(outcome.refusal().status());
            if (outcome.refusal().body() != null && outcome.refusal().body().length > 0) {
                relayed.entity(outcome.refusal().body()).type(outcome.refusal().contentType());
            }
            return relayed.build();
        }
        outcome.directory().put("@odata.context", ODataContext.metadata(uri, version,
                "microsoft.graph.directoryDefinition"));
        return Response.ok(outcome.directory()).build();
    }
}

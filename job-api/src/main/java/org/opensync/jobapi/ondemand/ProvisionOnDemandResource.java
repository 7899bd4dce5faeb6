package org.opensync.jobapi.ondemand;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.util.UUID;
import org.opensync.common.ondemand.OnDemandRequest;
import org.opensync.common.security.GraphPermissions;
import org.opensync.common.web.ErrorCode;
import org.opensync.common.web.GraphException;
import org.opensync.common.web.ODataContext;
import org.opensync.jobapi.job.JobService;
import org.opensync.jobapi.serviceprincipal.ServicePrincipalService;

/**
 * {@code POST .../jobs/{jobId}/provisionOnDemand}: job-api checks the caller, the service principal, the job, the
 * body and the rate limit, then the provisioner does the work (it reads the source and writes the target) and job-api
 * gives its answer the OData context of the version root the client called.
 */
@Path("/{version: beta|v1\\.0}/servicePrincipals/{spId}/synchronization/jobs/{jobId}/provisionOnDemand")
public class ProvisionOnDemandResource {
    private static final String CONTEXT = "microsoft.graph.stringKeyStringValuePair";

    private final ServicePrincipalService servicePrincipals;
    private final JobService jobs;
    private final OnDemandRateLimit rateLimit;
    private final ProvisionerClient provisioner;
    private final ObjectMapper mapper;

    @Inject
    public ProvisionOnDemandResource(ServicePrincipalService servicePrincipals, JobService jobs,
                                     OnDemandRateLimit rateLimit, ProvisionerClient provisioner, ObjectMapper mapper) {
        this.servicePrincipals = servicePrincipals;
        this.jobs = jobs;
        this.rateLimit = rateLimit;
        this.provisioner = provisioner;
        this.mapper = mapper;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({GraphPermissions.SYNCHRONIZATION_READ_WRITE, GraphPermissions.APPLICATION_READ_WRITE_OWNED_BY})
    public Response provision(@PathParam("version") String version, @PathParam("spId") String spId,
                              @PathParam("jobId") String jobId, JsonNode body, @Context UriInfo uri,
                              @Context HttpHeaders headers) throws IOException {
        UUID servicePrincipalId = servicePrincipals.require(spId, GraphPermissions.SYNCHRONIZATION_READ_WRITE).id;
        String job = jobs.require(servicePrincipalId, jobId).id;
        OnDemandRequest.parse(body);
        rateLimit.tryAcquire(job).ifPresent(wait -> {
            throw new GraphException(429, ErrorCode.TOO_MANY_REQUESTS, "provisionOnDemand allows a few requests "
                    + "per job in a short window; retry after the time Retry-After gives.", null).retryAfter(wait);
        });
        ProvisionerClient.Answer answer = provisioner.provisionOnDemand(job, headers, mapper.writeValueAsBytes(body));
        if (answer.status() != 200) {
            return Response.status(answer.status()).type(answer.contentType()).entity(answer.body()).build();
        }
        JsonNode pair = mapper.readTree(answer.body());
        ObjectNode result = mapper.createObjectNode()
                .put("@odata.context", ODataContext.metadata(uri, version, CONTEXT))
                .put("key", pair.path("key").asText())
                .put("value", pair.path("value").asText());
        return Response.ok(result, MediaType.APPLICATION_JSON_TYPE).build();
    }
}

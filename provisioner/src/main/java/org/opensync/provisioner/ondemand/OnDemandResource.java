package org.opensync.provisioner.ondemand;

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
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.opensync.common.ondemand.OnDemandRequest;
import org.opensync.common.security.Caller;
import org.opensync.common.security.GraphPermissions;
import org.opensync.common.security.SecurityConfig;
import org.opensync.common.tenancy.Tenants;
import org.opensync.common.web.GraphException;

/**
 * The provisioner's only API, called by job-api for Graph's provisionOnDemand with the caller's bearer token, which
 * is verified here again (issuer, signature, audience, permission), so no one reaches the targets without a token
 * that may write to the job. job-api checks the service principal, the job and ownership; this checks the tenant
 * the job id names.
 */
@Path("/internal/jobs/{jobId}/provisionOnDemand")
public class OnDemandResource {
    private final OnDemandProvisioning provisioning;
    private final Caller caller;
    private final JsonWebToken token;
    private final UUID defaultTenant;

    @Inject
    public OnDemandResource(OnDemandProvisioning provisioning, Caller caller, JsonWebToken token,
                            SecurityConfig security) {
        this.defaultTenant = security.defaultTenant();
        this.provisioning = provisioning;
        this.caller = caller;
        this.token = token;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({GraphPermissions.SYNCHRONIZATION_READ_WRITE, GraphPermissions.APPLICATION_READ_WRITE_OWNED_BY})
    public OnDemandAnswer provision(@PathParam("jobId") String jobId, JsonNode body) {
        // Ids of jobs created before tenancy name no tenant: they are the installation's default tenant's
        if (!Tenants.ofJob(jobId).orElse(defaultTenant).equals(caller.tenant())) {
            throw GraphException.notFound("The job '" + jobId + "' does not exist.");
        }
        OnDemandRequest request = OnDemandRequest.parse(body);
        return OnDemandAnswer.of(provisioning.provision(jobId, request, Initiators.of(token)));
    }
}

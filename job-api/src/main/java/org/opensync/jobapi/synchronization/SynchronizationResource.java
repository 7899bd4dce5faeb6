package org.opensync.jobapi.synchronization;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.opensync.common.security.GraphPermissions;
import org.opensync.common.web.ODataContext;
import org.opensync.jobapi.config.JobApiConfig;
import org.opensync.jobapi.serviceprincipal.ServicePrincipalService;

/** {@code /servicePrincipals/{id}/synchronization} and its secrets. */
@Path("/{version: beta|v1\\.0}/servicePrincipals/{spId}/synchronization")
@Produces(MediaType.APPLICATION_JSON)
public class SynchronizationResource {
    private final SynchronizationService synchronization;
    private final ServicePrincipalService servicePrincipals;
    private final JobApiConfig.Limits limits;

    @Inject
    public SynchronizationResource(SynchronizationService synchronization,
                                   ServicePrincipalService servicePrincipals, JobApiConfig config) {
        this.synchronization = synchronization;
        this.servicePrincipals = servicePrincipals;
        this.limits = config.limits();
    }

    @GET
    @RolesAllowed({GraphPermissions.SYNCHRONIZATION_READ, GraphPermissions.APPLICATION_READ_WRITE_OWNED_BY})
    public SynchronizationResponse get(@PathParam("version") String version, @PathParam("spId") String spId,
                                       @Context UriInfo uri) {
        UUID id = servicePrincipals.require(spId, GraphPermissions.SYNCHRONIZATION_READ).id;
        return new SynchronizationResponse(ODataContext.metadata(uri, version,
                "servicePrincipals('" + id + "')/synchronization/$entity"), id.toString(),
                synchronization.visibleSecrets(id));
    }

    /** SDKs also generate PUT/PATCH on the container; only its secrets are applied. */
    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({GraphPermissions.SYNCHRONIZATION_READ_WRITE, GraphPermissions.APPLICATION_READ_WRITE_OWNED_BY})
    public void replace(@PathParam("spId") String spId, JsonNode body) {
        UUID id = servicePrincipals.require(spId, GraphPermissions.SYNCHRONIZATION_READ_WRITE).id;
        if (body != null && body.has("secrets")) {
            synchronization.replaceSecrets(id, SecretRequests.entries(body.get("secrets"), "secrets", limits));
        }
    }

    @PATCH
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({GraphPermissions.SYNCHRONIZATION_READ_WRITE, GraphPermissions.APPLICATION_READ_WRITE_OWNED_BY})
    public void patch(@PathParam("spId") String spId, JsonNode body) {
        replace(spId, body);
    }

    @DELETE
    @RolesAllowed({GraphPermissions.SYNCHRONIZATION_READ_WRITE, GraphPermissions.APPLICATION_READ_WRITE_OWNED_BY})
    public void delete(@PathParam("spId") String spId) {
        synchronization.delete(servicePrincipals.require(spId, GraphPermissions.SYNCHRONIZATION_READ_WRITE).id);
    }

    @PUT
    @Path("secrets")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({GraphPermissions.SYNCHRONIZATION_READ_WRITE, GraphPermissions.APPLICATION_READ_WRITE_OWNED_BY})
    public void putSecrets(@PathParam("spId") String spId, JsonNode body) {
        UUID id = servicePrincipals.require(spId, GraphPermissions.SYNCHRONIZATION_READ_WRITE).id;
        synchronization.replaceSecrets(id, SecretRequests.entries(body, limits));
    }

    @GET
    @Path("secrets/$count")
    @Produces(MediaType.TEXT_PLAIN)
    @RolesAllowed({GraphPermissions.SYNCHRONIZATION_READ, GraphPermissions.APPLICATION_READ_WRITE_OWNED_BY})
    public String countSecrets(@PathParam("spId") String spId) {
        UUID id = servicePrincipals.require(spId, GraphPermissions.SYNCHRONIZATION_READ).id;
        return Integer.toString(synchronization.secretCount(id));
    }
}

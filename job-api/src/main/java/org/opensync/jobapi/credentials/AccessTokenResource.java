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
import org.opensync.common.security.GraphPermissions;
import org.opensync.jobapi.serviceprincipal.ServicePrincipalService;

/**
 * {@code POST .../synchronization/acquireAccessToken} (the {@code /applications/{id}} twin and the qualified
 * spellings reach it through URL normalisation): 204 once the authorization code was exchanged and the tokens saved.
 * Allowed to whoever may save secrets.
 */
@Path("/{version: beta|v1\\.0}/servicePrincipals/{spId}/synchronization/acquireAccessToken")
@Produces(MediaType.APPLICATION_JSON)
public class AccessTokenResource {
    private final ServicePrincipalService servicePrincipals;
    private final AccessTokenAcquisition acquisition;

    @Inject
    public AccessTokenResource(ServicePrincipalService servicePrincipals, AccessTokenAcquisition acquisition) {
        this.servicePrincipals = servicePrincipals;
        this.acquisition = acquisition;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({GraphPermissions.SYNCHRONIZATION_READ_WRITE, GraphPermissions.APPLICATION_READ_WRITE_OWNED_BY})
    public void acquire(@PathParam("spId") String spId, JsonNode body) {
        acquisition.acquire(servicePrincipals.require(spId, GraphPermissions.SYNCHRONIZATION_READ_WRITE).id, body);
    }
}

package org.opensync.jobapi.synchronization;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.opensync.common.security.GraphPermissions;
import org.opensync.common.web.ODataContext;
import org.opensync.jobapi.serviceprincipal.ServicePrincipalService;

/**
 * The legacy {@code Ping()} function older beta SDKs still generate (also {@code Ping} and
 * {@code microsoft.graph.Ping()}, which URL normalisation turns into this route): answers {@code "Pong"} when the
 * service principal exists and the caller may read its synchronization.
 */
@Path("/{version: beta|v1\\.0}/servicePrincipals/{spId}/synchronization/Ping")
@Produces(MediaType.APPLICATION_JSON)
public class PingResource {
    public record Pong(@JsonProperty("@odata.context") String context, String value) {
    }

    private final ServicePrincipalService servicePrincipals;

    @Inject
    public PingResource(ServicePrincipalService servicePrincipals) {
        this.servicePrincipals = servicePrincipals;
    }

    @GET
    @RolesAllowed({GraphPermissions.SYNCHRONIZATION_READ, GraphPermissions.APPLICATION_READ_WRITE_OWNED_BY})
    public Pong ping(@PathParam("version") String version, @PathParam("spId") String spId,
                                    @Context UriInfo uri) {
        servicePrincipals.require(spId, GraphPermissions.SYNCHRONIZATION_READ);
        return new Pong(ODataContext.metadata(uri, version, "Edm.String"), "Pong");
    }
}

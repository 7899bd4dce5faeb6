package org.opensync.schemaservice.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import org.opensync.common.security.GraphPermissions;
import org.opensync.common.web.GraphException;
import org.opensync.common.web.ODataCollection;
import org.opensync.common.web.ODataContext;
import org.opensync.mapping.model.DirectoryDefinition;
import org.opensync.mapping.model.SynchronizationSchema;

/** {@code .../synchronization/jobs/{jobId}/schema} and its directories (graph-sync-api.md §2.5.1–2.5.4). */
@Path("/{version: beta|v1\\.0}/servicePrincipals/{spId}/synchronization/jobs/{jobId}/schema")
@Produces(MediaType.APPLICATION_JSON)
public class SchemaResource {
    private final JobSchemaService schemas;
    private final ObjectMapper mapper;

    @Inject
    public SchemaResource(JobSchemaService schemas, ObjectMapper mapper) {
        this.schemas = schemas;
        this.mapper = mapper;
    }

    @GET
    @RolesAllowed({GraphPermissions.SYNCHRONIZATION_READ, GraphPermissions.APPLICATION_READ_WRITE_OWNED_BY})
    public ObjectNode get(@PathParam("version") String version, @PathParam("spId") String spId,
                          @PathParam("jobId") String jobId, @Context UriInfo uri) {
        ObjectNode node = mapper.createObjectNode().put("@odata.context", ODataContext.metadata(uri, version,
                "servicePrincipals('" + spId + "')/synchronization/jobs('" + jobId + "')/schema/$entity"));
        node.setAll((ObjectNode) mapper.valueToTree(schemas.get(spId, jobId)));
        return node;
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({GraphPermissions.SYNCHRONIZATION_READ_WRITE, GraphPermissions.APPLICATION_READ_WRITE_OWNED_BY})
    public void replace(@PathParam("spId") String spId, @PathParam("jobId") String jobId, JsonNode body) {
        schemas.replace(spId, jobId, body);
    }

    @PATCH
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({GraphPermissions.SYNCHRONIZATION_READ_WRITE, GraphPermissions.APPLICATION_READ_WRITE_OWNED_BY})
    public void merge(@PathParam("spId") String spId, @PathParam("jobId") String jobId, JsonNode body) {
        schemas.merge(spId, jobId, body);
    }

    @DELETE
    @RolesAllowed({GraphPermissions.SYNCHRONIZATION_READ_WRITE, GraphPermissions.APPLICATION_READ_WRITE_OWNED_BY})
    public void reset(@PathParam("spId") String spId, @PathParam("jobId") String jobId) {
        schemas.reset(spId, jobId);
    }

    @GET
    @Path("directories")
    @RolesAllowed({GraphPermissions.SYNCHRONIZATION_READ, GraphPermissions.APPLICATION_READ_WRITE_OWNED_BY})
    public ODataCollection<DirectoryDefinition> directories(@PathParam("version") String version,
                                                            @PathParam("spId") String spId,
                                                            @PathParam("jobId") String jobId, @Context UriInfo uri) {
        return ODataCollection.of(ODataContext.metadata(uri, version, "servicePrincipals('" + spId
                + "')/synchronization/jobs('" + jobId + "')/schema/directories"), schemas.get(spId, jobId).directories());
    }

    @GET
    @Path("directories/{directoryId}")
    @RolesAllowed({GraphPermissions.SYNCHRONIZATION_READ, GraphPermissions.APPLICATION_READ_WRITE_OWNED_BY})
    public DirectoryDefinition directory(@PathParam("spId") String spId, @PathParam("jobId") String jobId,
                                         @PathParam("directoryId") String directoryId) {
        SynchronizationSchema schema = schemas.get(spId, jobId);
        return schema.directories().stream().filter(d -> directoryId.equals(d.id())).findFirst()
                .orElseThrow(() -> GraphException.notFound("The directory '" + directoryId
                        + "' is not part of this schema."));
    }
}

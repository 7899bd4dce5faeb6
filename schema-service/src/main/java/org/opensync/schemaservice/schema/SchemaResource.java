package org.opensync.schemaservice.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.concurrent.atomic.AtomicReference;
import org.opensync.common.security.GraphPermissions;
import org.opensync.common.web.ODataCollection;
import org.opensync.schemaservice.template.CustomTemplateService;
import org.opensync.schemaservice.web.ClientRoot;
import org.opensync.mapping.model.DirectoryDefinition;

/**
 * The schema of a job or a template and its directory definitions:
 * {@code .../jobs/{jobId}/schema} and {@code .../templates/{templateId}/schema} work alike.
 */
@Path("/{version: beta|v1\\.0}/servicePrincipals/{spId}/synchronization/{owner: jobs|templates}/{ownerId}/schema")
@Produces(MediaType.APPLICATION_JSON)
public class SchemaResource {
    private final JobSchemaService jobs;
    private final CustomTemplateService templates;
    private final SchemaDocuments documents;
    private final ObjectMapper mapper;
    private final ClientRoot root;

    @Inject
    public SchemaResource(JobSchemaService jobs, CustomTemplateService templates, SchemaDocuments documents,
                          ObjectMapper mapper, ClientRoot root) {
        this.jobs = jobs;
        this.templates = templates;
        this.documents = documents;
        this.mapper = mapper;
        this.root = root;
    }

    @GET
    @RolesAllowed({GraphPermissions.SYNCHRONIZATION_READ, GraphPermissions.APPLICATION_READ_WRITE_OWNED_BY})
    public ObjectNode get(@PathParam("version") String version, @PathParam("spId") String spId,
                          @PathParam("owner") String owner, @PathParam("ownerId") String ownerId,
                          @Context UriInfo uri) {
        ObjectNode node = mapper.createObjectNode().put("@odata.context", root.metadata(uri, version,
                schemaPath(spId, owner, ownerId) + "/$entity"));
        node.setAll((ObjectNode) mapper.valueToTree(owner(owner).schema(spId, ownerId)));
        return node;
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({GraphPermissions.SYNCHRONIZATION_READ_WRITE, GraphPermissions.APPLICATION_READ_WRITE_OWNED_BY})
    public void replace(@PathParam("spId") String spId, @PathParam("owner") String owner,
                        @PathParam("ownerId") String ownerId, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                        JsonNode body) {
        owner(owner).replace(spId, ownerId, documents.changes(body), ifMatch);
    }

    @PATCH
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({GraphPermissions.SYNCHRONIZATION_READ_WRITE, GraphPermissions.APPLICATION_READ_WRITE_OWNED_BY})
    public void merge(@PathParam("spId") String spId, @PathParam("owner") String owner,
                      @PathParam("ownerId") String ownerId, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                      JsonNode body) {
        owner(owner).merge(spId, ownerId, documents.changes(body), ifMatch);
    }

    @DELETE
    @RolesAllowed({GraphPermissions.SYNCHRONIZATION_READ_WRITE, GraphPermissions.APPLICATION_READ_WRITE_OWNED_BY})
    public void reset(@PathParam("spId") String spId, @PathParam("owner") String owner,
                      @PathParam("ownerId") String ownerId) {
        owner(owner).reset(spId, ownerId);
    }

    @GET
    @Path("directories")
    @RolesAllowed({GraphPermissions.SYNCHRONIZATION_READ, GraphPermissions.APPLICATION_READ_WRITE_OWNED_BY})
    public ODataCollection<DirectoryDefinition> directories(@PathParam("version") String version,
                                                            @PathParam("spId") String spId,
                                                            @PathParam("owner") String owner,
                                                            @PathParam("ownerId") String ownerId,
                                                            @Context UriInfo uri) {
        return ODataCollection.of(root.metadata(uri, version, schemaPath(spId, owner, ownerId) + "/directories"),
                owner(owner).schema(spId, ownerId).directories());
    }

    @GET
    @Path("directories/$count")
    @Produces(MediaType.TEXT_PLAIN)
    @RolesAllowed({GraphPermissions.SYNCHRONIZATION_READ, GraphPermissions.APPLICATION_READ_WRITE_OWNED_BY})
    public String countDirectories(@PathParam("spId") String spId, @PathParam("owner") String owner,
                                   @PathParam("ownerId") String ownerId) {
        return Integer.toString(owner(owner).schema(spId, ownerId).directories().size());
    }

    /** 201 with the directory as added; a new id when the body has none, 409 when the name is taken. */
    @POST
    @Path("directories")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({GraphPermissions.SYNCHRONIZATION_READ_WRITE, GraphPermissions.APPLICATION_READ_WRITE_OWNED_BY})
    public Response addDirectory(@PathParam("version") String version, @PathParam("spId") String spId,
                                 @PathParam("owner") String owner, @PathParam("ownerId") String ownerId,
                                 @Context UriInfo uri, JsonNode body) {
        AtomicReference<String> id = new AtomicReference<>();
        owner(owner).edit(spId, ownerId, schema -> id.set(DirectoryEdits.add(schema, body).path("id").asText()));
        DirectoryDefinition added = directory(spId, owner, ownerId, id.get());
        ObjectNode entity = mapper.createObjectNode().put("@odata.context", root.metadata(uri, version,
                schemaPath(spId, owner, ownerId) + "/directories/$entity"));
        entity.setAll((ObjectNode) mapper.valueToTree(added));
        return Response.status(201).entity(entity).build();
    }

    @GET
    @Path("directories/{directoryId}")
    @RolesAllowed({GraphPermissions.SYNCHRONIZATION_READ, GraphPermissions.APPLICATION_READ_WRITE_OWNED_BY})
    public DirectoryDefinition directory(@PathParam("spId") String spId, @PathParam("owner") String owner,
                                         @PathParam("ownerId") String ownerId,
                                         @PathParam("directoryId") String directoryId) {
        return owner(owner).schema(spId, ownerId).directories().stream()
                .filter(d -> directoryId.equals(d.id())).findFirst()
                .orElseThrow(() -> DirectoryEdits.notFound(directoryId));
    }

    /** 204; replaces the directory's objects when the body has them, renames it when it has a name. */
    @PATCH
    @Path("directories/{directoryId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({GraphPermissions.SYNCHRONIZATION_READ_WRITE, GraphPermissions.APPLICATION_READ_WRITE_OWNED_BY})
    public void updateDirectory(@PathParam("spId") String spId, @PathParam("owner") String owner,
                                @PathParam("ownerId") String ownerId, @PathParam("directoryId") String directoryId,
                                JsonNode body) {
        if (DirectoryEdits.isEmpty(body)) {
            directory(spId, owner, ownerId, directoryId);
            owner(owner).requireWritable(spId, ownerId);
            return;
        }
        owner(owner).edit(spId, ownerId, schema -> DirectoryEdits.update(schema, directoryId, body));
    }

    /** 204; 409 while a synchronization rule uses the directory. */
    @DELETE
    @Path("directories/{directoryId}")
    @RolesAllowed({GraphPermissions.SYNCHRONIZATION_READ_WRITE, GraphPermissions.APPLICATION_READ_WRITE_OWNED_BY})
    public void removeDirectory(@PathParam("spId") String spId, @PathParam("owner") String owner,
                                @PathParam("ownerId") String ownerId, @PathParam("directoryId") String directoryId) {
        owner(owner).edit(spId, ownerId, schema -> DirectoryEdits.remove(schema, directoryId));
    }

    private SchemaOwner owner(String owner) {
        return "jobs".equals(owner) ? jobs : templates;
    }

    private static String schemaPath(String spId, String owner, String ownerId) {
        return "servicePrincipals('" + spId + "')/synchronization/" + owner + "('" + ownerId + "')/schema";
    }
}

package org.opensync.schemaservice.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Set;
import org.opensync.common.security.Caller;
import org.opensync.common.security.GraphPermissions;
import org.opensync.common.web.Expand;
import org.opensync.common.web.ODataCollection;
import org.opensync.common.web.Select;
import org.opensync.mapping.model.SynchronizationTemplate;
import org.opensync.schemaservice.web.ClientRoot;

/**
 * {@code .../synchronization/templates}: the built-in templates, offered to every service
 * principal, and the service principal's own, which clients create, replace and delete. Template schemas are
 * {@code SchemaResource}'s.
 */
@Path("/{version: beta|v1\\.0}/servicePrincipals/{spId}/synchronization/templates")
@Produces(MediaType.APPLICATION_JSON)
public class TemplateResource {
    /** A template always carries its schema; {@code $expand=schema} is accepted and changes nothing. */
    private static final Set<String> EXPANDABLE = Set.of("schema");
    private static final Set<String> PROPERTIES = Select.propertiesOf(SynchronizationTemplate.class);

    private final TemplateService templates;
    private final CustomTemplateService custom;
    private final ObjectMapper mapper;
    private final Caller caller;
    private final ClientRoot root;

    @Inject
    public TemplateResource(TemplateService templates, CustomTemplateService custom, ObjectMapper mapper,
                            Caller caller, ClientRoot root) {
        this.templates = templates;
        this.custom = custom;
        this.mapper = mapper;
        this.caller = caller;
        this.root = root;
    }

    @GET
    @RolesAllowed({GraphPermissions.SYNCHRONIZATION_READ, GraphPermissions.APPLICATION_READ_WRITE_OWNED_BY})
    public ODataCollection<ObjectNode> list(@PathParam("version") String version, @PathParam("spId") String spId,
                                            @QueryParam("$select") String select,
                                            @QueryParam("$expand") String expand, @Context UriInfo uri) {
        Select projection = Select.parse(select, PROPERTIES);
        Expand.parse(expand, EXPANDABLE, "templates");
        return ODataCollection.of(root.metadata(uri, version, "servicePrincipals('" + spId
                        + "')/synchronization/templates" + projection.contextSuffix()),
                offered(spId).stream().map(template -> projection.apply(mapper, template)).toList());
    }

    @GET
    @Path("$count")
    @Produces(MediaType.TEXT_PLAIN)
    @RolesAllowed({GraphPermissions.SYNCHRONIZATION_READ, GraphPermissions.APPLICATION_READ_WRITE_OWNED_BY})
    public String count(@PathParam("spId") String spId) {
        return Integer.toString(offered(spId).size());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({GraphPermissions.SYNCHRONIZATION_READ_WRITE, GraphPermissions.APPLICATION_READ_WRITE_OWNED_BY})
    public Response create(@PathParam("version") String version, @PathParam("spId") String spId,
                           @Context UriInfo uri, JsonNode body) {
        SynchronizationTemplate created = custom.create(spId, body);
        ObjectNode entity = mapper.createObjectNode().put("@odata.context", root.metadata(uri, version,
                "servicePrincipals('" + spId + "')/synchronization/templates/$entity"));
        entity.setAll((ObjectNode) mapper.valueToTree(created));
        return Response.status(201).entity(entity).build();
    }

    @GET
    @Path("{templateId}")
    @RolesAllowed({GraphPermissions.SYNCHRONIZATION_READ, GraphPermissions.APPLICATION_READ_WRITE_OWNED_BY})
    public SynchronizationTemplate get(@PathParam("spId") String spId, @PathParam("templateId") String templateId,
                                       @QueryParam("$expand") String expand) {
        Expand.parse(expand, EXPANDABLE, "templates");
        return templates.require(caller.tenant(), spId, templateId);
    }

    @PUT
    @Path("{templateId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({GraphPermissions.SYNCHRONIZATION_READ_WRITE, GraphPermissions.APPLICATION_READ_WRITE_OWNED_BY})
    public void replace(@PathParam("spId") String spId, @PathParam("templateId") String templateId, JsonNode body) {
        custom.replace(spId, templateId, body, false);
    }

    /** Full replacement too, as Graph documents it; an empty body changes nothing. */
    @PATCH
    @Path("{templateId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({GraphPermissions.SYNCHRONIZATION_READ_WRITE, GraphPermissions.APPLICATION_READ_WRITE_OWNED_BY})
    public void update(@PathParam("spId") String spId, @PathParam("templateId") String templateId, JsonNode body) {
        custom.replace(spId, templateId, body, true);
    }

    @DELETE
    @Path("{templateId}")
    @RolesAllowed({GraphPermissions.SYNCHRONIZATION_READ_WRITE, GraphPermissions.APPLICATION_READ_WRITE_OWNED_BY})
    public void delete(@PathParam("spId") String spId, @PathParam("templateId") String templateId) {
        custom.delete(spId, templateId);
    }

    /** What the service principal's template list shows: the discoverable templates. */
    private List<SynchronizationTemplate> offered(String spId) {
        return templates.list(caller.tenant(), spId).stream().filter(SynchronizationTemplate::discoverable).toList();
    }
}

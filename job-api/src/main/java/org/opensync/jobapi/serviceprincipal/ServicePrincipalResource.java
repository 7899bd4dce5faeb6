package org.opensync.jobapi.serviceprincipal;

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
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.opensync.common.security.GraphPermissions;
import org.opensync.common.web.ODataCollection;
import org.opensync.common.web.ODataContext;
import org.opensync.jobapi.odata.Paging;
import org.opensync.common.web.Select;
import org.opensync.jobapi.odata.ResultPage;

/** {@code /servicePrincipals}. */
@Path("/{version: beta|v1\\.0}/servicePrincipals")
@Produces(MediaType.APPLICATION_JSON)
public class ServicePrincipalResource {
    private final ServicePrincipalService servicePrincipals;
    private final ObjectMapper mapper;

    @Inject
    public ServicePrincipalResource(ServicePrincipalService servicePrincipals, ObjectMapper mapper) {
        this.servicePrincipals = servicePrincipals;
        this.mapper = mapper;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({GraphPermissions.APPLICATION_READ_WRITE, GraphPermissions.APPLICATION_READ_WRITE_OWNED_BY})
    public Response create(@PathParam("version") String version, JsonNode body, @Context UriInfo uri) {
        ServicePrincipal sp = servicePrincipals.create(body);
        ServicePrincipalResponse response = ServicePrincipalResponse.of(sp, sp.tenantId, version);
        return Response.created(uri.getAbsolutePathBuilder().path(sp.id.toString()).build())
                .entity(withContext(ODataContext.metadata(uri, version, "servicePrincipals/$entity"), response))
                .build();
    }

    @GET
    @RolesAllowed({GraphPermissions.APPLICATION_READ, GraphPermissions.APPLICATION_READ_WRITE_OWNED_BY})
    public ODataCollection<ObjectNode> list(@PathParam("version") String version,
                                            @QueryParam("$filter") String filter,
                                            @QueryParam("$select") String select,
                                            @QueryParam("$orderby") String orderBy,
                                            @QueryParam("$top") String top,
                                            @QueryParam("$skiptoken") String skipToken,
                                            @QueryParam("$count") boolean count,
                                            @Context UriInfo uri) {
        Select projection = Select.parse(select, ServicePrincipalResponse.properties(version));
        Paging paging = Paging.of(top, skipToken, 100, 999);
        ResultPage<ServicePrincipal> page = servicePrincipals.list(filter, orderBy, paging, count && paging.skip() == 0);
        return new ODataCollection<>(
                ODataContext.metadata(uri, version, "servicePrincipals" + projection.contextSuffix()),
                page.total(),
                page.items().stream()
                        .map(sp -> projection.apply(mapper, ServicePrincipalResponse.of(sp, sp.tenantId, version)))
                        .toList(),
                page.more() ? paging.nextLink(uri) : null);
    }

    @GET
    @Path("$count")
    @Produces(MediaType.TEXT_PLAIN)
    @RolesAllowed({GraphPermissions.APPLICATION_READ, GraphPermissions.APPLICATION_READ_WRITE_OWNED_BY})
    public String count() {
        return Long.toString(servicePrincipals.count());
    }

    @GET
    @Path("{spId}")
    @RolesAllowed({GraphPermissions.APPLICATION_READ, GraphPermissions.APPLICATION_READ_WRITE_OWNED_BY})
    public ObjectNode get(@PathParam("version") String version, @PathParam("spId") String spId,
                          @QueryParam("$select") String select, @Context UriInfo uri) {
        Select projection = Select.parse(select, ServicePrincipalResponse.properties(version));
        ServicePrincipal sp = servicePrincipals.require(spId, GraphPermissions.APPLICATION_READ);
        ObjectNode node = projection.apply(mapper, ServicePrincipalResponse.of(sp, sp.tenantId, version));
        return withContext(ODataContext.metadata(uri, version, "servicePrincipals" + projection.contextSuffix()
                + "/$entity"), node);
    }

    @PATCH
    @Path("{spId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({GraphPermissions.APPLICATION_READ_WRITE, GraphPermissions.APPLICATION_READ_WRITE_OWNED_BY})
    public void patch(@PathParam("spId") String spId, JsonNode body) {
        servicePrincipals.patch(spId, body);
    }

    @DELETE
    @Path("{spId}")
    @RolesAllowed({GraphPermissions.APPLICATION_READ_WRITE, GraphPermissions.APPLICATION_READ_WRITE_OWNED_BY})
    public void delete(@PathParam("spId") String spId) {
        servicePrincipals.delete(spId);
    }

    private ObjectNode withContext(String context, Object representation) {
        ObjectNode node = mapper.createObjectNode().put("@odata.context", context);
        node.setAll(representation instanceof ObjectNode object ? object : mapper.valueToTree(representation));
        return node;
    }
}

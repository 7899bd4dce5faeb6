package org.opensync.jobapi.application;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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
import org.opensync.common.security.GraphPermissions;
import org.opensync.common.web.GraphException;
import org.opensync.common.web.ODataCollection;
import org.opensync.common.web.ODataContext;
import org.opensync.common.web.Select;
import org.opensync.jobapi.odata.Paging;
import org.opensync.jobapi.serviceprincipal.ServicePrincipalResponse;

/** {@code /applicationTemplates}: the catalogue, and instantiating an application from one of its entries. */
@Path("/{version: beta|v1\\.0}/applicationTemplates")
@Produces(MediaType.APPLICATION_JSON)
public class ApplicationTemplateResource {
    private static final Set<String> PROPERTIES = Select.propertiesOf(ApplicationTemplate.class);

    private final ApplicationService applications;
    private final ObjectMapper mapper;

    @Inject
    public ApplicationTemplateResource(ApplicationService applications, ObjectMapper mapper) {
        this.applications = applications;
        this.mapper = mapper;
    }

    @GET
    @RolesAllowed({GraphPermissions.APPLICATION_READ, GraphPermissions.APPLICATION_READ_WRITE_OWNED_BY})
    public ODataCollection<ObjectNode> list(@PathParam("version") String version,
                                            @QueryParam("$filter") String filter,
                                            @QueryParam("$select") String select,
                                            @QueryParam("$top") String top,
                                            @QueryParam("$skiptoken") String skipToken,
                                            @QueryParam("$count") boolean count,
                                            @Context UriInfo uri) {
        Select projection = Select.parse(select, PROPERTIES);
        Paging paging = Paging.of(top, skipToken, 100, 999);
        List<ApplicationTemplate> selected = ApplicationTemplates.filter(filter);
        List<ApplicationTemplate> page = selected.stream().skip(paging.skip()).limit(paging.top()).toList();
        boolean more = paging.skip() + page.size() < selected.size();
        return new ODataCollection<>(
                ODataContext.metadata(uri, version, "applicationTemplates" + projection.contextSuffix()),
                count && paging.skip() == 0 ? (long) selected.size() : null,
                page.stream().map(template -> projection.apply(mapper, template)).toList(),
                more ? paging.nextLink(uri) : null);
    }

    @GET
    @Path("{templateId}")
    @RolesAllowed({GraphPermissions.APPLICATION_READ, GraphPermissions.APPLICATION_READ_WRITE_OWNED_BY})
    public ObjectNode get(@PathParam("version") String version, @PathParam("templateId") String templateId,
                          @QueryParam("$select") String select, @Context UriInfo uri) {
        Select projection = Select.parse(select, PROPERTIES);
        ObjectNode node = mapper.createObjectNode().put("@odata.context", ODataContext.metadata(uri, version,
                "applicationTemplates" + projection.contextSuffix() + "/$entity"));
        node.setAll(projection.apply(mapper, require(templateId)));
        return node;
    }

    /** The body is read as it comes: a missing or empty body is answered with 400 naming displayName. */
    @POST
    @Path("{templateId}/instantiate")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({GraphPermissions.APPLICATION_READ_WRITE, GraphPermissions.APPLICATION_READ_WRITE_OWNED_BY})
    public Response instantiate(@PathParam("version") String version, @PathParam("templateId") String templateId,
                                JsonNode body, @Context UriInfo uri) {
        ApplicationService.Instance instance = applications.instantiate(require(templateId), body);
        return Response.status(Response.Status.CREATED).entity(new ApplicationServicePrincipalResponse(
                ODataContext.metadata(uri, version, "microsoft.graph.applicationServicePrincipal"),
                ApplicationResponse.of(instance.application()),
                ServicePrincipalResponse.of(instance.servicePrincipal(), instance.servicePrincipal().tenantId,
                        version)))
                .build();
    }

    private static ApplicationTemplate require(String templateId) {
        return ApplicationTemplates.find(templateId).orElseThrow(() -> GraphException.notFound(
                "Resource '" + templateId + "' does not exist or one of its queried reference-property objects are "
                        + "not present."));
    }
}
